# /// script
# [tool.guide]
# varies = "how the items are shared between the two consumers"
# check = "property"
# ///
"""A bounded buffer built on a Condition: producers wait for room, consumers for items."""

import threading
import time
from collections import deque

CAPACITY, ITEMS = 3, 12
buffer: deque[int] = deque()
changed = threading.Condition()  # one lock plus a waiting room for threads
largest_seen = 0
taken: dict[str, list[int]] = {}


def producer() -> None:
    global largest_seen
    for item in [*range(ITEMS), None, None]:  # one None per consumer means "stop"
        with changed:
            changed.wait_for(lambda: len(buffer) < CAPACITY)  # re-checks after every wake-up
            buffer.append(item)
            largest_seen = max(largest_seen, len(buffer))
            changed.notify_all()


def consumer() -> None:
    mine = taken.setdefault(threading.current_thread().name, [])
    while True:
        with changed:
            changed.wait_for(lambda: len(buffer) > 0)
            item = buffer.popleft()
            changed.notify_all()
        if item is None:
            return
        time.sleep(0.005)  # process the item outside the lock
        mine.append(item)


if __name__ == "__main__":
    threads = [threading.Thread(target=consumer, name=f"consumer-{i}") for i in (1, 2)]
    threads.append(threading.Thread(target=producer, name="producer"))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for name, items in sorted(taken.items()):
        print(f"{name} took {len(items):2}: {items}")
    every = sorted(item for items in taken.values() for item in items)
    print(f"every item consumed exactly once: {every == list(range(ITEMS))}")
    print(f"largest buffer seen: {largest_seen} (capacity {CAPACITY})")
