# /// script
# [tool.guide]
# varies = "the timings depend on the machine"
# check = "property"
# ///
"""Arguments and results travel between processes by pickle: moving data can cost more than the work."""

import pickle
import time
from concurrent.futures import ProcessPoolExecutor

NUMBERS = list(range(1_000_000))


def total(numbers: list[int]) -> int:
    return sum(numbers)


def total_of_range(stop: int) -> int:
    return sum(range(stop))  # the worker builds its own data: only an int travels


def timed(label: str, work) -> None:
    start = time.perf_counter()
    result = work()
    elapsed = (time.perf_counter() - start) * 1000
    print(f"{label:<36} {elapsed:7.1f} ms  (result {result:,})")


if __name__ == "__main__":
    start = time.perf_counter()
    size = len(pickle.dumps(NUMBERS))
    elapsed = (time.perf_counter() - start) * 1000
    print(f"pickling the list: {size / 1e6:.1f} MB in {elapsed:.1f} ms")

    timed("sum in this process", lambda: total(NUMBERS))
    with ProcessPoolExecutor(max_workers=1) as pool:
        pool.submit(int).result()  # start the worker before the clock starts
        timed("send the list to a worker, sum there", lambda: pool.submit(total, NUMBERS).result())
        size_only = len(NUMBERS)
        timed("send its size, sum there", lambda: pool.submit(total_of_range, size_only).result())
