# /// script
# requires-python = ">=3.14"
# [tool.guide]
# retries = 4  # the check compares measured times, which a briefly busy machine upsets
# varies = "the times, the number of cores and so the speed-up"
# check = "property"
# ///
"""Python 3.14: threads each running their own interpreter, with its own GIL."""

import os
import time
from concurrent import interpreters
from concurrent.futures import ThreadPoolExecutor

LIMITS = [80_000] * 4


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


if __name__ == "__main__":
    cores = os.cpu_count() or 1
    start = time.perf_counter()
    in_turn = [count_primes(limit) for limit in LIMITS]
    sequential = time.perf_counter() - start

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=min(cores, len(LIMITS))) as pool:
        parallel = list(pool.map(in_own_interpreter, LIMITS))
    with_interpreters = time.perf_counter() - start

    assert in_turn == parallel
    print(f"cores: {cores}")
    print(f"one after another:         {sequential:.2f} s")
    print(f"threads with interpreters: {with_interpreters:.2f} s")
    print(f"speed-up: {sequential / with_interpreters:.1f}x")
