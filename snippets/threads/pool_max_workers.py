# /// script
# [tool.guide]
# varies = "the CPU count and the default it gives; the timings by a few milliseconds"
# check = "property"
# ///
"""The default max_workers is min(32, CPUs + 4); for waiting, what matters is the task count."""

import os
import time
from concurrent.futures import ThreadPoolExecutor

TASKS, WAIT = 16, 0.04


def fetch(_: int) -> None:
    time.sleep(WAIT)  # pure waiting: threads cost almost nothing while they wait


if __name__ == "__main__":
    # 3.13+: process_cpu_count() counts only the CPUs this process may use (affinity).
    cpus = getattr(os, "process_cpu_count", os.cpu_count)() or 1
    print(f"CPUs usable: {cpus}; default max_workers = min(32, {cpus} + 4) = {min(32, cpus + 4)}")

    for workers in (2, 8, 16):
        with ThreadPoolExecutor(max_workers=workers) as pool:
            start = time.perf_counter()
            list(pool.map(fetch, range(TASKS)))
            elapsed = time.perf_counter() - start
        waves = -(-TASKS // workers)
        print(
            f"{TASKS} waits of {WAIT} s, {workers:2} workers: {elapsed:.2f} s ({waves} x {WAIT} s)"
        )
