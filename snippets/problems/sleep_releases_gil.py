# /// script
# [tool.guide]
# varies = "the total time, by a few milliseconds (more on a busy machine)"
# check = "property"
# ///
"""Blocking calls release the GIL: four threads sleeping 0.2 s each take 0.2 s, not 0.8 s."""

import threading
import time


def nap(naps: list, index: int) -> None:
    began = time.perf_counter()
    time.sleep(0.2)  # stands in for waiting on a disk, a socket or a database
    naps[index] = (began, time.perf_counter())


if __name__ == "__main__":
    start = time.perf_counter()
    naps = [None] * 4
    threads = [threading.Thread(target=nap, args=(naps, i)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    total = time.perf_counter() - start
    last_to_fall_asleep = max(began for began, _ in naps)
    first_to_wake = min(woke for _, woke in naps)
    print(f"all four asleep at the same moment: {last_to_fall_asleep < first_to_wake}")
    print(f"four threads, 0.2 s of waiting each: {total:.2f} s in total")
