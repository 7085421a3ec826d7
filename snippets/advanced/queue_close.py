"""A bounded queue with timeouts and close(): blocked threads give up or are woken, never stuck."""

import threading
import time
from collections import deque


class Closed(Exception):
    """The queue was closed: nothing more will come (or can be added)."""


class ClosableQueue:
    def __init__(self, capacity: int) -> None:
        self._items: deque = deque()
        self._capacity = capacity
        self._closed = False
        lock = threading.Lock()
        self._not_full = threading.Condition(lock)
        self._not_empty = threading.Condition(lock)

    def put(self, item, timeout: float | None = None) -> None:
        with self._not_full:
            if not self._not_full.wait_for(self._has_room, timeout):
                raise TimeoutError(f"still full after {timeout} s")
            if self._closed:
                raise Closed
            self._items.append(item)
            self._not_empty.notify()

    def _has_room(self) -> bool:
        return self._closed or len(self._items) < self._capacity

    def get(self, timeout: float | None = None):
        with self._not_empty:
            if not self._not_empty.wait_for(lambda: self._closed or self._items, timeout):
                raise TimeoutError(f"still empty after {timeout} s")
            if not self._items:  # closed and drained
                raise Closed
            item = self._items.popleft()
            self._not_full.notify()
            return item

    def close(self) -> None:
        with self._not_full:
            self._closed = True
            self._not_full.notify_all()  # every waiter rechecks its condition and leaves
            self._not_empty.notify_all()


def consumer(queue: ClosableQueue, taken: list) -> None:
    while True:
        try:
            taken.append(queue.get())
        except Closed:  # closed and drained: the normal way to stop
            return
        time.sleep(0.001)


if __name__ == "__main__":
    queue = ClosableQueue(capacity=2)
    queue.put("a")
    queue.put("b")
    try:
        queue.put("c", timeout=0.05)  # no consumer yet: a bounded wait instead of a hang
    except TimeoutError as error:
        print(f"put timed out: {error}")

    taken: list = []
    workers = [threading.Thread(target=consumer, args=(queue, taken)) for _ in range(2)]
    for worker in workers:
        worker.start()
    for n in range(20):
        queue.put(n)
    queue.close()  # wakes both consumers once the items are gone
    for worker in workers:
        worker.join()
    print(f"both consumers stopped after taking all {len(taken)} items")
    try:
        queue.put("late")
    except Closed:
        print("put after close raises Closed")
