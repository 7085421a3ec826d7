# /// script
# [tool.guide]
# needs-cores = 2  # the check compares a parallel speed-up, which needs two free cores
# retries = 4  # the check compares measured times, which a briefly busy machine upsets
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


def timed(run) -> tuple[float, list[int]]:
    start = time.perf_counter()
    results = run()
    return time.perf_counter() - start, results


if __name__ == "__main__":
    print(f"CPU cores: {os.cpu_count()}")
    with ThreadPoolExecutor(2) as threads, ProcessPoolExecutor(2) as processes:
        list(processes.map(time.sleep, [0.05, 0.05]))  # start both workers before timing
        ways = {
            "one thread": lambda: [count_primes(job) for job in JOBS],
            "two threads": lambda: list(threads.map(count_primes, JOBS)),
            "two processes": lambda: list(processes.map(count_primes, JOBS)),
        }
        best, results = dict.fromkeys(ways, float("inf")), {}
        for _ in range(10):  # in turns, keeping each way's fastest run (the least disturbed)
            for way, run in ways.items():
                seconds, results[way] = timed(run)
                best[way] = min(best[way], seconds)
    for way, seconds in best.items():
        print(f"{way:<13} {seconds:.2f} s  {results[way]}")
    one = best["one thread"]
    print(
        f"speed-up: threads {one / best['two threads']:.1f}x, "
        f"processes {one / best['two processes']:.1f}x"
    )
