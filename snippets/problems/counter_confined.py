"""Confinement: each thread counts in its own variable; the totals are combined at the end."""

import time
from concurrent.futures import ThreadPoolExecutor

THREADS = 4
TIMES = 1_000


def count_alone(times: int) -> int:
    counter = 0  # a local variable: no other thread can see it
    for _ in range(times):
        current = counter
        time.sleep(0)  # switching threads here is harmless now
        counter = current + 1
    return counter


if __name__ == "__main__":
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        partial_counts = list(pool.map(count_alone, [TIMES] * THREADS))
    print(f"each thread counted: {partial_counts}")
    print(f"expected {THREADS * TIMES:,}, counted {sum(partial_counts):,}")
