# /// script
# [tool.guide]
# varies = "the times, by a few milliseconds"
# check = "property"
# ///
"""Blocking calls release the GIL: four threads sleeping 0.2 s each take 0.2 s, not 0.8 s."""

import threading
import time


def nap() -> None:
    time.sleep(0.2)  # stands in for waiting on a disk, a socket or a database


if __name__ == "__main__":
    start = time.perf_counter()
    threads = [threading.Thread(target=nap) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"four threads, 0.2 s of waiting each: {time.perf_counter() - start:.2f} s in total")
