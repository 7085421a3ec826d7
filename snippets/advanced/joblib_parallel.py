# /// script
# dependencies = ["joblib"]
# ///
"""joblib's Parallel: a list of calls run on two worker processes, results in input order."""

import pickle
from concurrent.futures import ProcessPoolExecutor

from joblib import Parallel, delayed


def collatz_steps(start: int) -> int:
    """How many steps n -> n/2 or 3n+1 take `start` to 1: CPU-bound, pure Python."""
    steps = 0
    while start != 1:
        start = 3 * start + 1 if start % 2 else start // 2
        steps += 1
    return steps


def total_steps(first: int, last: int) -> int:
    return sum(collatz_steps(n) for n in range(first, last))


if __name__ == "__main__":
    bounds = [(1 + i * 10_000, 1 + (i + 1) * 10_000) for i in range(4)]
    # One delayed(...) call per task; Parallel hands them to 2 processes (the loky backend).
    results = Parallel(n_jobs=2)(delayed(total_steps)(a, b) for a, b in bounds)
    for (first, last), steps in zip(bounds, results, strict=True):
        print(f"{first:>6}..{last - 1:<6} {steps:>9,} steps")
    print(f"same as one process: {results == [total_steps(a, b) for a, b in bounds]}")

    # A lambda cannot be pickled by reference, so a plain process pool refuses it...
    square = lambda x: x * x  # noqa: E731
    with ProcessPoolExecutor(max_workers=2) as pool:
        try:
            list(pool.map(square, range(5)))
        except (pickle.PicklingError, AttributeError, TypeError) as error:
            print(f"ProcessPoolExecutor: {type(error).__name__}")
    # ...while loky pickles it by value with cloudpickle, and so do closures.
    offset = 100
    print("joblib:", Parallel(n_jobs=2)(delayed(lambda x: x * x + offset)(i) for i in range(5)))
