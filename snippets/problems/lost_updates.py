# /// script
# [tool.guide]
# varies = "how many updates are lost"
# check = "property"
# ///
"""Read, give up the GIL, write: four threads overwrite each other's increments."""

import threading
import time

THREADS = 4
TIMES = 1_000

counter = 0


def increment_many(times: int) -> None:
    global counter
    for _ in range(times):
        current = counter  # read
        time.sleep(0)  # any blocking call here lets another thread run
        counter = current + 1  # write back a value that may be stale by now


if __name__ == "__main__":
    threads = [threading.Thread(target=increment_many, args=(TIMES,)) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    expected = THREADS * TIMES
    lost = expected - counter
    print(f"expected {expected:,}, counted {counter:,}")
    print(f"lost updates: {lost:,} ({lost / expected:.0%})")
