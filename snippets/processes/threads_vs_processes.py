# /// script
# [tool.guide]
# varies = "the timings and speed-ups depend on the machine (this one has 2 cores)"
# check = "property"
# ///
"""CPU-bound work: two threads share one interpreter lock, two processes use two cores."""

import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


def count_primes(limit: int) -> int:
    return sum(all(n % d for d in range(2, int(n**0.5) + 1)) for n in range(2, limit))


LIMITS = [80_000] * 4


def timed(label: str, run) -> float:
    start = time.perf_counter()
    results = run()
    elapsed = time.perf_counter() - start
    print(f"{label:<22} {elapsed:.2f} s  {results}")
    return elapsed


if __name__ == "__main__":
    sequential = timed("one after another", lambda: [count_primes(n) for n in LIMITS])
    with ThreadPoolExecutor(max_workers=2) as threads:
        threaded = timed("2 threads", lambda: list(threads.map(count_primes, LIMITS)))
    with ProcessPoolExecutor(max_workers=2) as processes:
        processes.submit(int).result()  # start the workers before the clock starts
        parallel = timed("2 processes", lambda: list(processes.map(count_primes, LIMITS)))
    print(f"threads:   speed-up {sequential / threaded:.1f}x")
    print(f"processes: speed-up {sequential / parallel:.1f}x")
