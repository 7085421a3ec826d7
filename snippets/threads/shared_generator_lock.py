"""A lock around next() lets several threads share one generator: each item goes to one thread."""

import threading
from collections import Counter


class LockedIterator:
    """Wraps any iterator so that only one thread at a time runs its __next__."""

    def __init__(self, iterable) -> None:
        self._iterator = iter(iterable)
        self._lock = threading.Lock()

    def __iter__(self) -> "LockedIterator":
        return self

    def __next__(self):
        with self._lock:  # StopIteration leaves the with block and releases the lock too
            return next(self._iterator)


def tickets(count: int):
    for number in range(count):
        yield f"ticket-{number}"


def draw(source, drawn: list, errors: list) -> None:
    try:
        for ticket in source:
            drawn.append(ticket)
    except ValueError as error:  # "generator already executing", without the lock
        errors.append(error)


if __name__ == "__main__":
    source, drawn, errors = LockedIterator(tickets(40_000)), [], []
    threads = [threading.Thread(target=draw, args=(source, drawn, errors)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    repeated = sum(times - 1 for times in Counter(drawn).values())
    print(f"4 threads drew {len(drawn):,} tickets, {len(set(drawn)):,} distinct")
    print(f"repeated: {repeated}, errors: {len(errors)}")
