# /// script
# [tool.guide]
# needs-cores = 2  # the check compares a parallel speed-up, which needs two free cores
# retries = 4  # the check compares measured times, which a briefly busy machine upsets
# varies = "the times, the number of cores and so the speed-ups; on a standard build only processes compute in parallel"
# check = "property"
# ///
"""One CPU-bound job run in turn, in threads, in processes and with asyncio."""

import asyncio
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

LIMITS = [200_000] * 4  # enough work that starting the pool costs little beside it
REPEATS = 3  # keep the best of three runs: other programs can only slow one down


def count_primes(limit: int) -> int:
    found = 0
    for n in range(2, limit):
        for divisor in range(2, int(n**0.5) + 1):
            if n % divisor == 0:
                break
        else:
            found += 1
    return found


async def count_primes_async(limit: int) -> int:
    return count_primes(limit)  # never awaits: holds the event loop until it is done


def in_turn() -> list[int]:
    return [count_primes(limit) for limit in LIMITS]


def in_threads() -> list[int]:
    with ThreadPoolExecutor(max_workers=len(LIMITS)) as pool:
        return list(pool.map(count_primes, LIMITS))


def in_processes() -> list[int]:
    workers = min(len(LIMITS), os.cpu_count() or 1)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(count_primes, LIMITS))


async def gather_all() -> list[int]:
    return await asyncio.gather(*(count_primes_async(limit) for limit in LIMITS))


def with_asyncio() -> list[int]:
    return asyncio.run(gather_all())


MODELS = {
    "in turn": in_turn,
    "threads": in_threads,
    "processes": in_processes,
    "asyncio": with_asyncio,
}

if __name__ == "__main__":
    gil = getattr(sys, "_is_gil_enabled", lambda: True)()
    print(f"cores: {os.cpu_count()}, GIL enabled: {gil}")
    best = dict.fromkeys(MODELS, float("inf"))
    results = set()
    for _ in range(REPEATS):  # take turns, so that a busy moment hits every model alike
        for label, job in MODELS.items():
            start = time.perf_counter()
            results.add(tuple(job()))
            best[label] = min(best[label], time.perf_counter() - start)
    assert len(results) == 1, "every model must find the same counts"
    for label, seconds in best.items():
        print(f"{label:<10} {seconds:5.2f} s  speed-up {best['in turn'] / seconds:4.1f}x")
