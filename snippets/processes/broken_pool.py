# /// script
# [tool.guide]
# varies = "which of the other tasks finished before the pool noticed the crash"
# check = "property"
# ///
"""A worker that dies abruptly breaks a ProcessPoolExecutor: pending futures fail with BrokenProcessPool."""

import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool


def risky(n: int) -> int:
    if n == 3:
        os._exit(1)  # stands in for a crash: a segfault, the OOM killer, a kill -9
    return n * 10


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as executor:
        futures = [executor.submit(risky, n) for n in range(6)]
        for n, future in enumerate(futures):
            try:
                print(f"task {n}: {future.result(timeout=10)}")
            except BrokenProcessPool:
                print(f"task {n}: BrokenProcessPool")
        try:
            executor.submit(risky, 0)
        except BrokenProcessPool:
            print("submit() afterwards: BrokenProcessPool, the executor cannot be reused")
