# /// script
# [tool.guide]
# varies = "the timings depend on the machine"
# check = "property"
# ///
"""chunksize: sending tiny tasks one at a time costs more than the tasks themselves."""

import multiprocessing
import time

TASKS = 20_000


def triple(n: int) -> int:
    return 3 * n


if __name__ == "__main__":
    with multiprocessing.Pool(processes=2) as pool:
        pool.map(triple, range(2))  # start the workers before the clock starts
        for chunksize in (1, 10, None, 1_000):
            start = time.perf_counter()
            results = pool.map(triple, range(TASKS), chunksize=chunksize)
            elapsed = time.perf_counter() - start
            assert results == [3 * n for n in range(TASKS)]
            label = "default" if chunksize is None else chunksize
            print(f"chunksize={label!s:<8} {elapsed * 1000:7.1f} ms")
