# /// script
# [tool.guide]
# needs-cores = 2  # the check compares a parallel speed-up, which needs two free cores
# retries = 4  # the check compares measured times, which a briefly busy machine upsets
# varies = "the timings and speed-ups depend on the machine (this one has 2 cores)"
# check = "property"
# ///
"""CPU-bound work: two threads share one interpreter lock, two processes use two cores."""

import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

LIMITS = [60_000] * 4
RUNS = 5


def count_primes(limit: int) -> int:
    return sum(all(n % d for d in range(2, int(n**0.5) + 1)) for n in range(2, limit))


def timed(work) -> tuple[float, list[int]]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


if __name__ == "__main__":
    with ThreadPoolExecutor(max_workers=2) as threads, ProcessPoolExecutor(2) as processes:
        list(processes.map(abs, [1, 2]))  # start both workers before timing
        ways = {
            "one after another": lambda: [count_primes(n) for n in LIMITS],
            "2 threads": lambda: list(threads.map(count_primes, LIMITS)),
            "2 processes": lambda: list(processes.map(count_primes, LIMITS)),
        }
        best, results = dict.fromkeys(ways, float("inf")), {}
        for _ in range(RUNS):  # in turns, keeping each way's fastest (least disturbed) run
            for way, work in ways.items():
                seconds, results[way] = timed(work)
                best[way] = min(best[way], seconds)
    for way, seconds in best.items():
        print(f"{way:<20} {seconds:.2f} s  {results[way]}")
    one = best["one after another"]
    print(f"threads:   speed-up {one / best['2 threads']:.1f}x")
    print(f"processes: speed-up {one / best['2 processes']:.1f}x  (best of {RUNS} runs each)")
