# /// script
# [tool.guide]
# needs-cores = 2  # the check compares a parallel speed-up, which needs two free cores
# retries = 4  # the check compares measured times, which a briefly busy machine upsets
# varies = "the timings and the speed-up depend on the machine (this one has 2 cores)"
# check = "property"
# ///
"""Map-reduce: count words in chunks on two processes (map), then merge the counts (reduce)."""

import random
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor

RUNS = 7
WORDS = "the a process pool queue lock thread worker task result future pipe data core".split()


def generate_text(lines: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)  # the same text on every run
    words = rng.choices(WORDS, k=12 * lines)
    return [" ".join(words[i : i + 12]).capitalize() + "." for i in range(0, len(words), 12)]


def count_words(lines: list[str]) -> Counter:  # the map step: one chunk -> its counts
    counts = Counter()
    for line in lines:
        for word in line.split():
            counts[word.strip(".,;:!?").lower()] += 1
    return counts


def merge(partials) -> Counter:  # the reduce step: many counts -> one
    total = Counter()
    for partial in partials:
        total.update(partial)
    return total


def timed(work) -> tuple[float, Counter]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def chunked(lines: list[str], parts: int) -> list[list[str]]:
    size = -(-len(lines) // parts)
    return [lines[i : i + size] for i in range(0, len(lines), size)]


if __name__ == "__main__":
    chunks = chunked(generate_text(120_000), 8)
    one_process = two_processes = float("inf")
    with ProcessPoolExecutor(max_workers=2) as executor:
        list(executor.map(abs, [1, 2]))  # start both workers before timing
        for _ in range(RUNS):  # in turns, keeping each way's fastest (least disturbed) run
            seconds, sequential = timed(lambda: merge(map(count_words, chunks)))
            one_process = min(one_process, seconds)
            seconds, parallel = timed(lambda: merge(executor.map(count_words, chunks)))
            two_processes = min(two_processes, seconds)

    assert parallel == sequential
    print(f"{sum(sequential.values()):,} words; most common: {sequential.most_common(3)}")
    print(f"1 process:   {one_process:.2f} s")
    print(f"2 processes: {two_processes:.2f} s")
    print(f"speed-up: {one_process / two_processes:.1f}x  (best of {RUNS} runs each)")
