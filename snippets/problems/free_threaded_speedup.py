# /// script
# requires-python = ">=3.13"
# [tool.guide]
# needs-cores = 2  # the check compares a parallel speed-up, which needs two free cores
# retries = 4  # the check compares measured times, which a briefly busy machine upsets
# varies = "the timings, which depend on the machine and its load"
# check = "property"
# free-threaded = true
# ///
"""Without the GIL, CPU-bound threads run on several cores at once."""

import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor


def count_primes(limit: int) -> int:
    return sum(all(n % d for d in range(2, int(n**0.5) + 1)) for n in range(2, limit))


JOBS = [100_000, 100_000]

if __name__ == "__main__":
    print(f"GIL enabled: {sys._is_gil_enabled()}, CPU cores: {os.cpu_count()}")
    start = time.perf_counter()
    in_turn = [count_primes(job) for job in JOBS]
    one = time.perf_counter() - start
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=2) as pool:
        threaded = list(pool.map(count_primes, JOBS))
    two = time.perf_counter() - start
    assert in_turn == threaded
    print(f"one thread:  {one:.2f} s")
    print(f"two threads: {two:.2f} s")
    print(f"speed-up: {one / two:.1f}x")
