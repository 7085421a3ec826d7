# /// script
# dependencies = ["numba"]
# [tool.guide]
# varies = "the times depend on the machine and how busy it is"
# check = "property"
# ///
"""Numba compiles a function on its first call: that call pays for the compiler."""

import time

from numba import njit


def collatz_total(limit: int) -> int:
    total = 0
    for start in range(1, limit):
        n = start
        while n != 1:
            n = 3 * n + 1 if n % 2 else n // 2
            total += 1
    return total


compiled = njit(collatz_total)  # nothing is compiled yet: njit waits for the argument types


def timed(label: str, function, limit: int) -> float:
    start = time.perf_counter()
    result = function(limit)
    seconds = time.perf_counter() - start
    print(f"{label:<28} {seconds * 1000:8.1f} ms  -> {result:,}")
    return seconds


if __name__ == "__main__":
    limit = 20_000
    timed("plain Python", collatz_total, limit)
    timed("first call (compiles)", compiled, limit)
    timed("second call", compiled, limit)
    timed("third call", compiled, limit)
    print(f"compiled for: {compiled.signatures}")
