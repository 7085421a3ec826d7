"""A bounded blocking queue built from one lock and two Conditions."""

import threading
from collections import deque


class BoundedQueue:
    def __init__(self, capacity: int) -> None:
        self._items: deque = deque()
        self._capacity = capacity
        lock = threading.Lock()
        self._not_full = threading.Condition(lock)  # producers wait here
        self._not_empty = threading.Condition(lock)  # consumers wait here
        self.largest = 0

    def put(self, item) -> None:
        with self._not_full:
            self._not_full.wait_for(lambda: len(self._items) < self._capacity)
            self._items.append(item)
            self.largest = max(self.largest, len(self._items))
            self._not_empty.notify()  # wake one consumer, not every waiting thread

    def get(self):
        with self._not_empty:
            self._not_empty.wait_for(lambda: self._items)
            item = self._items.popleft()
            self._not_full.notify()
            return item


PRODUCERS, CONSUMERS, ITEMS_EACH, CAPACITY = 3, 2, 200, 8
DONE = object()  # one per consumer, put after every real item


def produce(queue: BoundedQueue, producer: int) -> None:
    for n in range(ITEMS_EACH):
        queue.put((producer, n))


def consume(queue: BoundedQueue, received: list) -> None:
    while (item := queue.get()) is not DONE:
        received.append(item)


if __name__ == "__main__":
    queue = BoundedQueue(CAPACITY)
    inboxes: list[list] = [[] for _ in range(CONSUMERS)]
    consumers = [threading.Thread(target=consume, args=(queue, box)) for box in inboxes]
    producers = [threading.Thread(target=produce, args=(queue, p)) for p in range(PRODUCERS)]
    for thread in consumers + producers:
        thread.start()
    for thread in producers:
        thread.join()
    for _ in consumers:
        queue.put(DONE)
    for thread in consumers:
        thread.join()

    everything = [item for box in inboxes for item in box]
    sent = [(p, n) for p in range(PRODUCERS) for n in range(ITEMS_EACH)]
    print(f"{PRODUCERS} producers sent {len(sent)} items through a queue of capacity {CAPACITY}")
    print(f"{CONSUMERS} consumers received {len(everything)}")
    print(f"each item exactly once: {sorted(everything) == sent}")
    print(f"never held more than its capacity: {queue.largest <= CAPACITY}")
