# /// script
# [tool.guide]
# varies = "the timings by a few milliseconds"
# check = "property"
# ///
"""imap yields results in input order; imap_unordered yields each as soon as it is ready."""

import multiprocessing
import time

DURATIONS = [0.4, 0.1, 0.1, 0.1]  # the first task is the slow one


def work(seconds: float) -> float:
    time.sleep(seconds)
    return seconds


def watch(label: str, results) -> None:
    start = time.perf_counter()
    for result in results:
        print(f"{label:<15} got {result} s task after {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    with multiprocessing.Pool(processes=2) as pool:
        pool.map(work, [0, 0])  # start the workers before the clock starts
        watch("imap", pool.imap(work, DURATIONS))
        watch("imap_unordered", pool.imap_unordered(work, DURATIONS))
