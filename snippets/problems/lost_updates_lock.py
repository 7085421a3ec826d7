"""A lock held from the read to the write makes the increment atomic: nothing is lost."""

import threading
import time

THREADS = 4
TIMES = 1_000

counter = 0
counter_lock = threading.Lock()


def increment_many(times: int) -> None:
    global counter
    for _ in range(times):
        with counter_lock:  # no other thread can read or write until we have written
            current = counter
            time.sleep(0)
            counter = current + 1


if __name__ == "__main__":
    threads = [threading.Thread(target=increment_many, args=(TIMES,)) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    expected = THREADS * TIMES
    print(f"expected {expected:,}, counted {counter:,}")
    print(f"lost updates: {expected - counter:,}")
