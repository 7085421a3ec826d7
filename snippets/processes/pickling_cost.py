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


def timed(label: str, work) -> float:
    start = time.perf_counter()
    result = work()
    elapsed = (time.perf_counter() - start) * 1000
    print(f"{label:<36} {elapsed:7.1f} ms  (result {result:,})")
    return elapsed


if __name__ == "__main__":
    start = time.perf_counter()
    payload = pickle.dumps(NUMBERS)
    print(
        f"pickling the list: {len(payload) / 1e6:.1f} MB in {(time.perf_counter() - start) * 1000:.1f} ms"
    )

    timed("sum in this process", lambda: total(NUMBERS))
    with ProcessPoolExecutor(max_workers=1) as executor:
        executor.submit(int).result()  # start the worker before the clock starts
        timed(
            "send the list to a worker, sum there", lambda: executor.submit(total, NUMBERS).result()
        )
        timed(
            "send only its size, sum there",
            lambda: executor.submit(total_of_range, len(NUMBERS)).result(),
        )
