# /// script
# [tool.guide]
# varies = "the timings and the speed-up depend on the machine and its load"
# check = "property"
# ///
"""Computing does not overlap on one core: threads take as long as doing it in turn."""

import time
from concurrent.futures import ThreadPoolExecutor


def count_primes(limit: int) -> int:
    return sum(all(n % d for d in range(2, int(n**0.5) + 1)) for n in range(2, limit))


LIMITS = [60_000] * 4


if __name__ == "__main__":
    start = time.perf_counter()
    in_turn = [count_primes(limit) for limit in LIMITS]
    sequential = time.perf_counter() - start

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(count_primes, LIMITS))
    with_threads = time.perf_counter() - start

    assert in_turn == threaded
    print(f"primes below {LIMITS[0]:,}: {in_turn[0]:,} (computed {len(LIMITS)} times)")
    print(f"one after another: {sequential:.2f} s")
    print(f"four threads:      {with_threads:.2f} s")
    print(f"speed-up: {sequential / with_threads:.1f}x")
