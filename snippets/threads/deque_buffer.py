"""collections.deque: append() and popleft() are thread-safe; maxlen keeps only the newest."""

import threading
from collections import deque

PRODUCERS, ITEMS = 4, 5_000


def run_all(threads: list[threading.Thread]) -> None:
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


if __name__ == "__main__":
    shared: deque[tuple[int, int]] = deque()

    def produce(producer: int) -> None:
        for n in range(ITEMS):
            shared.append((producer, n))  # one atomic operation: no lock needed

    run_all([threading.Thread(target=produce, args=(p,)) for p in range(PRODUCERS)])
    print(f"after 4 threads appended {ITEMS:,} each: {len(shared):,} items")

    taken: list[list[tuple[int, int]]] = [[] for _ in range(4)]

    def consume(mine: list[tuple[int, int]]) -> None:
        while True:
            try:
                mine.append(shared.popleft())  # atomic too; IndexError once empty
            except IndexError:
                return  # a deque cannot wait for more items: that is what queue.Queue adds

    run_all([threading.Thread(target=consume, args=(mine,)) for mine in taken])
    everything = [item for mine in taken for item in mine]
    print(
        f"4 threads popped {len(everything):,}, all distinct: {len(set(everything)) == len(everything)}"
    )

    recent: deque[str] = deque(maxlen=3)  # a ring buffer: old entries fall off the left
    for event in ("login", "search", "add to cart", "pay", "logout"):
        recent.append(event)
    print("last three events:", list(recent))
