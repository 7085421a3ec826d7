# /// script
# [tool.guide]
# varies = "the timings, which depend on the machine and its load"
# check = "property"
# ///
"""CPU-bound work: two threads are no faster than one; two processes use two cores."""

import os
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


def count_primes(limit: int) -> int:
    return sum(all(n % d for d in range(2, int(n**0.5) + 1)) for n in range(2, limit))


JOBS = [60_000, 60_000]


def best_of_three(label: str, run) -> float:
    """The fastest of three runs: the one least disturbed by other programs."""
    times = []
    for _ in range(3):
        start = time.perf_counter()
        results = run()
        times.append(time.perf_counter() - start)
    print(f"{label:<13} {min(times):.2f} s  {results}")
    return min(times)


if __name__ == "__main__":
    print(f"CPU cores: {os.cpu_count()}")
    one = best_of_three("one thread", lambda: [count_primes(job) for job in JOBS])
    with ThreadPoolExecutor(max_workers=2) as threads:
        two = best_of_three("two threads", lambda: list(threads.map(count_primes, JOBS)))
    with ProcessPoolExecutor(max_workers=2) as processes:
        list(processes.map(time.sleep, [0.05, 0.05]))  # start both workers before timing
        procs = best_of_three("two processes", lambda: list(processes.map(count_primes, JOBS)))
    print(f"speed-up: threads {one / two:.1f}x, processes {one / procs:.1f}x")
