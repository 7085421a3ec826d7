"""A pool task that waits for another task of the same full pool waits forever."""

from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout


def inner() -> str:
    return "inner result"


def outer(pool: ThreadPoolExecutor) -> str:
    future = pool.submit(inner)  # queued: every worker is busy (running outer)
    try:
        return future.result(timeout=0.3)  # without a timeout: forever
    except FutureTimeout:
        return "outer gave up: inner never started, its worker is the one waiting"


if __name__ == "__main__":
    for workers in (1, 2):
        with ThreadPoolExecutor(max_workers=workers) as pool:
            print(f"{workers} worker(s): {pool.submit(outer, pool).result()}")
