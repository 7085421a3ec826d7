# /// script
# [tool.guide]
# varies = "nothing on a GIL build; on a free-threaded build the total falls short"
# check = "property"
# ///
"""On a GIL build (3.10 or later), `counter += 1` in four threads loses no updates."""

import sys
import threading

THREADS = 4
TIMES = 1_000_000

counter = 0


def increment_many(times: int) -> None:
    global counter
    for _ in range(times):
        counter += 1


if __name__ == "__main__":
    threads = [threading.Thread(target=increment_many, args=(TIMES,)) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    gil_enabled = getattr(sys, "_is_gil_enabled", lambda: True)()
    expected = THREADS * TIMES
    print(f"build: {'GIL' if gil_enabled else 'free-threaded'}")
    print(f"expected {expected:,}, counted {counter:,}, lost {expected - counter:,}")
