"""The same parallel map with multiprocessing.Pool and with concurrent.futures.ProcessPoolExecutor."""

import multiprocessing
from concurrent.futures import ProcessPoolExecutor


def square(n: int) -> int:
    return n * n


def power(base: int, exponent: int) -> int:
    return base**exponent


if __name__ == "__main__":
    numbers = range(10)

    with multiprocessing.Pool(processes=2) as pool:
        print("Pool.map:         ", pool.map(square, numbers))
        print("Pool.starmap:     ", pool.starmap(power, [(2, 10), (3, 4), (10, 3)]))
        pending = pool.apply_async(power, (2, 64))  # one call, without waiting for it
        print("Pool.apply_async: ", pending.get(timeout=10))

    with ProcessPoolExecutor(max_workers=2) as executor:
        print("Executor.map:     ", list(executor.map(square, numbers)))
        print("Executor.map (2): ", list(executor.map(power, [2, 3, 10], [10, 4, 3])))
        future = executor.submit(power, 2, 64)  # a Future, like a thread pool's
        print("Executor.submit:  ", future.result(timeout=10))
