# /// script
# [tool.guide]
# needs-cores = 2  # the check compares a parallel speed-up, which needs two free cores
# retries = 4  # the check compares measured times, which a briefly busy machine upsets
# varies = "the timings and the speed-up depend on the machine (this one has 2 cores)"
# check = "property"
# ///
"""Tree reduction: combine neighbours in pairs, round after round, each round on a pool."""

import random
import time
from functools import reduce
from multiprocessing import Pool

PRIME = 1_000_003
SIZE = 70  # 70 x 70 matrices: multiplying two takes some CPU work
RUNS = 7


def random_matrix(rng: random.Random) -> list[list[int]]:
    return [[rng.randrange(PRIME) for _ in range(SIZE)] for _ in range(SIZE)]


def multiply(a: list[list[int]], b: list[list[int]]) -> list[list[int]]:
    columns = list(zip(*b, strict=True))
    return [
        [sum(x * y for x, y in zip(row, col, strict=True)) % PRIME for col in columns] for row in a
    ]


def timed(work) -> tuple[float, object]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def tree_reduce(pool: Pool, items: list) -> tuple[list, int]:
    """Multiply the items in order, pairing neighbours: n items take log2(n) rounds."""
    rounds = 0
    while len(items) > 1:
        pairs = list(zip(items[0::2], items[1::2], strict=False))  # an odd one out waits
        leftover = [items[-1]] if len(items) % 2 else []
        items = pool.starmap(multiply, pairs, chunksize=1) + leftover
        rounds += 1
    return items[0], rounds


if __name__ == "__main__":
    rng = random.Random(1)
    matrices = [random_matrix(rng) for _ in range(16)]

    # 15 multiplications one after another, then 8 + 4 + 2 + 1 in rounds on two workers.
    sequential = parallel = float("inf")
    with Pool(processes=2) as pool:
        for _ in range(RUNS):  # in turns, keeping each way's fastest (least disturbed) run
            seconds, folded = timed(lambda: reduce(multiply, matrices))
            sequential = min(sequential, seconds)
            seconds, (product, rounds) = timed(lambda: tree_reduce(pool, matrices))
            parallel = min(parallel, seconds)

    assert product == folded  # matrix products are associative: same result in any grouping
    print(f"product of {len(matrices)} matrices, top-left entry {product[0][0]}")
    print(f"one after another: {sequential:.2f} s (15 multiplications)")
    print(f"tree on 2 workers: {parallel:.2f} s ({rounds} rounds)")
    print(f"speed-up: {sequential / parallel:.1f}x  (best of {RUNS} runs each)")
