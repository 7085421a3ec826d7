"""A pool can only run what pickle can send: a lambda or a nested function fails."""

import pickle
from concurrent.futures import ProcessPoolExecutor


def double(n: int) -> int:
    return 2 * n


def make_multiplier(factor: int):
    def multiply(n: int) -> int:
        return factor * n

    return multiply


if __name__ == "__main__":
    candidates = {
        "a module-level function": double,
        "a lambda": lambda n: 2 * n,
        "a nested function": make_multiplier(2),
    }
    with ProcessPoolExecutor(max_workers=1) as executor:
        for label, function in candidates.items():
            future = executor.submit(function, 21)
            try:
                print(f"{label:<24} -> {future.result(timeout=10)}")
            except (pickle.PicklingError, AttributeError):  # AttributeError before 3.14
                print(f"{label:<24} -> cannot be pickled: pickle sends functions by name")
