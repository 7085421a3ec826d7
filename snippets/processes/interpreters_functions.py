# /// script
# requires-python = ">=3.14"
# ///
"""How a function reaches another interpreter: shared as it is, pickled by name, or not at all."""

from concurrent import interpreters
from concurrent.futures import InterpreterPoolExecutor

print(f"top-level code runs in a module named {__name__!r}")  # once more per unpickling
TAX = 0.2


def self_contained(price: float) -> float:  # arguments, locals and builtins only
    return round(price * 1.2, 2)


def uses_a_global(price: float) -> float:  # TAX is a module-level name
    return round(price * (1 + TAX), 2)


def make_closure():
    rate = 1.2

    def closure(price: float) -> float:  # uses its enclosing function's variable
        return round(price * rate, 2)

    return closure


if __name__ == "__main__":
    for function in [self_contained, uses_a_global, make_closure()]:
        interpreter = interpreters.create()
        try:
            print(f"{function.__name__}: call() -> {interpreter.call(function, 10)}")
        except interpreters.NotShareableError as error:
            print(f"{function.__name__}: call() -> NotShareableError: {error}")
        finally:
            interpreter.close()
    with InterpreterPoolExecutor(max_workers=1) as pool:
        print(f"pool, uses_a_global: {pool.submit(uses_a_global, 10).result()}")
