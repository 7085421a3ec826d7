# /// script
# [tool.guide]
# needs-cores = 2  # the check compares a parallel speed-up, which needs two free cores
# retries = 4  # the check compares measured times, which a briefly busy machine upsets
# varies = "the timings, which depend on the machine and its load"
# check = "property"
# ///
"""Some C code releases the GIL: hashing large buffers in two threads uses two cores."""

import hashlib
import os
import time
from concurrent.futures import ThreadPoolExecutor

DATA = os.urandom(16 * 1024 * 1024)  # hashlib releases the GIL for inputs over 2 KiB
ROUNDS = 24


def digest(_: int) -> str:
    return hashlib.sha256(DATA).hexdigest()[:12]


def timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


if __name__ == "__main__":
    print(f"CPU cores: {os.cpu_count()}")
    one = two = float("inf")
    with ThreadPoolExecutor(max_workers=2) as pool:
        for _ in range(10):  # in turns, keeping each way's fastest run (the least disturbed)
            one = min(one, timed(lambda: [digest(n) for n in range(ROUNDS)]))
            two = min(two, timed(lambda: list(pool.map(digest, range(ROUNDS)))))
    print(f"{ROUNDS} x sha256 of 16 MiB, one thread:  {one:.2f} s")
    print(f"{ROUNDS} x sha256 of 16 MiB, two threads: {two:.2f} s")
    print(f"speed-up: {one / two:.1f}x")
