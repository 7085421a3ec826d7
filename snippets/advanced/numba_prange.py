# /// script
# dependencies = ["numba"]
# [tool.guide]
# needs-cores = 2  # the check compares a parallel speed-up, which needs two free cores
# retries = 4  # the check compares measured times, which a briefly busy machine upsets
# varies = "the timings and the speed-up depend on the machine (this one has 2 cores)"
# check = "property"
# ///
"""One loop compiled twice by Numba: serial, and split across cores with prange."""

import time

from numba import get_num_threads, njit, prange

RUNS = 5


def collatz_total(limit: int) -> int:
    """The total number of Collatz steps of 1, 2, ..., limit - 1 (integers: exact)."""
    total = 0
    for start in prange(1, limit):  # outside parallel=True, prange is plain range
        n, steps = start, 0
        while n != 1:
            n = 3 * n + 1 if n % 2 else n // 2
            steps += 1
        total += steps  # Numba sees a reduction: one partial sum per thread, then added
    return total


serial = njit(collatz_total)
parallel = njit(parallel=True)(collatz_total)


def timed(function, limit: int) -> tuple[float, int]:
    start = time.perf_counter()
    result = function(limit)
    return time.perf_counter() - start, result


if __name__ == "__main__":
    limit = 300_000
    serial(10), parallel(10)  # compile both before timing
    one_thread = many_threads = float("inf")
    for _ in range(RUNS):  # in turns, keeping each way's fastest (least disturbed) run
        seconds, expected = timed(serial, limit)
        one_thread = min(one_thread, seconds)
        seconds, total = timed(parallel, limit)
        many_threads = min(many_threads, seconds)
    assert total == expected
    print(f"Collatz steps of 1..{limit - 1:,}: {total:,}")
    print(f"@njit:                {one_thread:.3f} s")
    print(f"@njit(parallel=True): {many_threads:.3f} s on {get_num_threads()} threads")
    print(f"speed-up: {one_thread / many_threads:.1f}x  (best of {RUNS} runs each)")
