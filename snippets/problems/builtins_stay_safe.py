# /// script
# [tool.guide]
# varies = "the build line"
# check = "property"
# ///
"""Single operations on built-in containers stay safe in threads, with or without the GIL."""

import sys
import threading
from collections import deque

THREADS = 4
TIMES = 100_000


def fill(items: list, queue: deque, table: dict, me: int) -> None:
    for n in range(TIMES):
        items.append(n)  # one call, one operation: protected by the list's own lock
        queue.append(n)
        table[me, n] = n


if __name__ == "__main__":
    items: list[int] = []
    queue: deque[int] = deque()
    table: dict[tuple[int, int], int] = {}
    threads = [
        threading.Thread(target=fill, args=(items, queue, table, me)) for me in range(THREADS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    gil_enabled = getattr(sys, "_is_gil_enabled", lambda: True)()
    print(f"build: {'GIL' if gil_enabled else 'free-threaded'}")
    print(f"expected {THREADS * TIMES:,} of each")
    print(f"list {len(items):,}, deque {len(queue):,}, dict {len(table):,}")
