# /// script
# [tool.guide]
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


def random_matrix(rng: random.Random) -> list[list[int]]:
    return [[rng.randrange(PRIME) for _ in range(SIZE)] for _ in range(SIZE)]


def multiply(a: list[list[int]], b: list[list[int]]) -> list[list[int]]:
    columns = list(zip(*b, strict=True))
    return [
        [sum(x * y for x, y in zip(row, col, strict=True)) % PRIME for col in columns] for row in a
    ]


def best_of(runs: int, work) -> tuple[float, object]:
    """The shortest of a few timings: the run least disturbed by other programs."""
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        timings.append(time.perf_counter() - start)
    return min(timings), result


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
    sequential, folded = best_of(5, lambda: reduce(multiply, matrices))
    with Pool(processes=2) as pool:
        parallel, (product, rounds) = best_of(5, lambda: tree_reduce(pool, matrices))

    assert product == folded  # matrix products are associative: same result in any grouping
    print(f"product of {len(matrices)} matrices, top-left entry {product[0][0]}")
    print(f"one after another: {sequential:.2f} s (15 multiplications)")
    print(f"tree on 2 workers: {parallel:.2f} s ({rounds} rounds)")
    print(f"speed-up: {sequential / parallel:.1f}x  (best of 5 runs each)")
