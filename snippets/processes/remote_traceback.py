"""An exception in a worker is re-raised in the parent, with the worker's traceback as its __cause__."""

import multiprocessing
from concurrent.futures import ProcessPoolExecutor


def parse_price(text: str) -> float:
    return float(text.removeprefix("€"))


def frames_in_this_file(remote: BaseException) -> list[str]:
    """The lines of the worker's traceback that point into this script, and the error."""
    lines = str(remote).strip().splitlines()
    return [line.strip() for line in lines if __file__ in line or "Error:" in line]


if __name__ == "__main__":
    prices = ["€1.50", "€2", "two euros"]
    with ProcessPoolExecutor(max_workers=2) as executor:
        try:
            print(list(executor.map(parse_price, prices)))
        except ValueError as error:
            print(f"caught in the parent: {type(error).__name__}: {error}")
            print(f"its __cause__: {type(error.__cause__).__name__}, the worker's traceback:")
            for line in frames_in_this_file(error.__cause__):
                print(f"    {line}")

    with multiprocessing.Pool(processes=2) as pool:
        try:
            pool.map(parse_price, prices)
        except ValueError as error:
            print(
                f"Pool: the same {type(error).__name__}, __cause__ is a {type(error.__cause__).__name__}"
            )
