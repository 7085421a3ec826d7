# /// script
# requires-python = ">=3.14"
# [tool.guide]
# needs-cores = 2  # the check compares a parallel speed-up, which needs two free cores
# retries = 4  # the check compares measured times, which a briefly busy machine upsets
# varies = "the timings and the speed-up depend on the machine"
# check = "property"
# ///
"""InterpreterPoolExecutor: each worker thread runs its own interpreter with its own GIL."""

import os
import time
from concurrent.futures import InterpreterPoolExecutor


def count_primes(limit: int) -> int:
    return sum(all(n % d for d in range(2, int(n**0.5) + 1)) for n in range(2, limit))


LIMITS = [80_000] * 4


if __name__ == "__main__":
    print(f"CPUs usable here: {os.process_cpu_count()}")
    start = time.perf_counter()
    in_turn = [count_primes(n) for n in LIMITS]
    sequential = time.perf_counter() - start

    with InterpreterPoolExecutor(max_workers=2) as executor:
        executor.submit(int).result()  # start a worker before the clock starts
        start = time.perf_counter()
        pooled = list(executor.map(count_primes, LIMITS))
        parallel = time.perf_counter() - start

    assert pooled == in_turn
    print(f"one after another:  {sequential:.2f} s  {in_turn}")
    print(f"2 interpreters:     {parallel:.2f} s  {pooled}")
    print(f"speed-up: {sequential / parallel:.1f}x")
