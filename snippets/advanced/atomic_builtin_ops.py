"""Single operations on built-in containers are atomic: no update is lost, without any lock."""

import threading
from collections import deque

THREADS, TIMES = 8, 10_000


def work(n: int, items: list, queue: deque, groups: dict, seen: set, latest: dict) -> None:
    for i in range(TIMES):
        items.append(i)  # list.append: one step
        queue.append(i)  # deque.append: one step
        groups.setdefault(i % 10, []).append(n)  # setdefault, then append: each one step
        seen.add((n, i))  # set.add: one step
        latest[n] = i  # storing a key: one step (each thread its own key)


if __name__ == "__main__":
    items: list = []
    queue: deque = deque()
    groups: dict = {}
    seen: set = set()
    latest: dict = {}
    args = (items, queue, groups, seen, latest)
    threads = [threading.Thread(target=work, args=(n, *args)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    expected = THREADS * TIMES
    print(f"{THREADS} threads x {TIMES:,} operations each, expected {expected:,} of each")
    print(f"list.append      {len(items):,}")
    print(f"deque.append     {len(queue):,}")
    print(f"dict.setdefault  {sum(len(g) for g in groups.values()):,} in {len(groups)} groups")
    print(f"set.add          {len(seen):,}")
    print(f"d[key] = value   {sorted(set(latest.values()))} for {len(latest)} keys")
