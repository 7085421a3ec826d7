# /// script
# [tool.guide]
# needs-cores = 2  # the check compares a parallel speed-up, which needs two free cores
# retries = 4  # the check compares measured times, which a briefly busy machine upsets
# varies = "the timings, the number of cores and so the speed-up; with two or more cores the pool is clearly faster"
# check = "property"
# ///
"""Computing in parallel: a process pool counts primes on several cores at once."""

import os
import time
from concurrent.futures import ProcessPoolExecutor


def count_primes(limit: int) -> int:
    return sum(all(n % d for d in range(2, int(n**0.5) + 1)) for n in range(2, limit))


LIMITS = [60_000] * 4
WORKERS = min(os.cpu_count() or 1, len(LIMITS))
RUNS = 8


def in_turn() -> list[int]:
    return [count_primes(limit) for limit in LIMITS]


def in_processes() -> list[int]:
    with ProcessPoolExecutor(max_workers=WORKERS) as pool:  # starting it is timed too
        return list(pool.map(count_primes, LIMITS))


def timed(job) -> tuple[float, list[int]]:
    start = time.perf_counter()
    result = job()
    return time.perf_counter() - start, result


if __name__ == "__main__":
    sequential = with_processes = float("inf")
    for _ in range(RUNS):  # in turns, keeping each way's fastest (least disturbed) run
        seconds, counts = timed(in_turn)
        sequential = min(sequential, seconds)
        seconds, pooled = timed(in_processes)
        with_processes = min(with_processes, seconds)
    assert counts == pooled
    print(f"cores: {os.cpu_count()}")
    print(f"one after another: {sequential:.2f} s")
    print(f"process pool:      {with_processes:.2f} s")
    print(f"speed-up: {sequential / with_processes:.1f}x")
