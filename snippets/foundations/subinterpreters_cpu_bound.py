# /// script
# requires-python = ">=3.14"
# [tool.guide]
# needs-cores = 2  # the check compares a parallel speed-up, which needs two free cores
# retries = 4  # the check compares measured times, which a briefly busy machine upsets
# varies = "the times, the number of cores and so the speed-up"
# check = "property"
# ///
"""Python 3.14: threads each running their own interpreter, with its own GIL."""

import os
import time
from concurrent import interpreters
from concurrent.futures import ThreadPoolExecutor

LIMITS = [150_000] * 4  # enough work that creating four interpreters costs little beside it
ROUNDS = 3  # take turns and keep each way's best: a busy moment can only slow one run down


def count_primes(limit: int) -> int:
    # Sent to another interpreter as it is: no globals, no closures, only builtins.
    found = 0
    for n in range(2, limit):
        for divisor in range(2, int(n**0.5) + 1):
            if n % divisor == 0:
                break
        else:
            found += 1
    return found


def in_own_interpreter(limit: int) -> int:
    interpreter = interpreters.create()
    try:
        # Runs in this thread, under the other interpreter's GIL.
        return interpreter.call(count_primes, limit)
    finally:
        interpreter.close()


def one_after_another() -> list[int]:
    return [count_primes(limit) for limit in LIMITS]


def threads_with_interpreters(workers: int) -> list[int]:
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(in_own_interpreter, LIMITS))


if __name__ == "__main__":
    cores = os.cpu_count() or 1
    sequential = parallel = float("inf")
    for _ in range(ROUNDS):
        start = time.perf_counter()
        in_turn = one_after_another()
        sequential = min(sequential, time.perf_counter() - start)
        start = time.perf_counter()
        together = threads_with_interpreters(min(cores, len(LIMITS)))
        parallel = min(parallel, time.perf_counter() - start)
        assert in_turn == together

    print(f"cores: {cores}")
    print(f"one after another:         {sequential:.2f} s")
    print(f"threads with interpreters: {parallel:.2f} s")
    print(f"speed-up: {sequential / parallel:.1f}x")
