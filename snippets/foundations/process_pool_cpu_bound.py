# /// script
# [tool.guide]
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


if __name__ == "__main__":
    cores = os.cpu_count() or 1
    start = time.perf_counter()
    in_turn = [count_primes(limit) for limit in LIMITS]
    sequential = time.perf_counter() - start

    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=min(cores, len(LIMITS))) as pool:
        in_processes = list(pool.map(count_primes, LIMITS))
    with_processes = time.perf_counter() - start  # includes starting the processes

    assert in_turn == in_processes
    print(f"cores: {cores}")
    print(f"one after another: {sequential:.2f} s")
    print(f"process pool:      {with_processes:.2f} s")
    print(f"speed-up: {sequential / with_processes:.1f}x")
