# /// script
# [tool.guide]
# retries = 4  # the check compares measured times, which a briefly busy machine upsets
# varies = "the timings and speed-ups depend on the machine (this one has 2 cores)"
# check = "property"
# ///
"""CPU-bound work: two threads share one interpreter lock, two processes use two cores."""

import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

LIMITS = [40_000] * 4


def count_primes(limit: int) -> int:
    return sum(all(n % d for d in range(2, int(n**0.5) + 1)) for n in range(2, limit))


def best_of(runs: int, work) -> tuple[float, object]:
    """The shortest of a few timings: the run least disturbed by other programs."""
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        timings.append(time.perf_counter() - start)
    return min(timings), result


def report(label: str, seconds: float, results: list[int]) -> None:
    print(f"{label:<20} {seconds:.2f} s  {results}")


if __name__ == "__main__":
    sequential, results = best_of(3, lambda: [count_primes(n) for n in LIMITS])
    report("one after another", sequential, results)
    with ThreadPoolExecutor(max_workers=2) as threads:
        threaded, results = best_of(3, lambda: list(threads.map(count_primes, LIMITS)))
    report("2 threads", threaded, results)
    with ProcessPoolExecutor(max_workers=2) as processes:
        parallel, results = best_of(3, lambda: list(processes.map(count_primes, LIMITS)))
    report("2 processes", parallel, results)
    print(f"threads:   speed-up {sequential / threaded:.1f}x")
    print(f"processes: speed-up {sequential / parallel:.1f}x  (best of 3 runs each)")
