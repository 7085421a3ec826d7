# /// script
# requires-python = ">=3.15"
# ///
"""Python 3.15's iterator tools: serialize_iterator, @synchronized_iterator, concurrent_tee."""

import itertools
import threading


@threading.synchronized_iterator  # every generator this function returns is serialised
def tickets(count: int):
    yield from range(count)


def together(*calls) -> None:
    """Run each (function, *args) in its own thread, all at once, and wait for them."""
    threads = [threading.Thread(target=call[0], args=call[1:]) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def drain(source, into: list) -> None:
    into.extend(source)  # calls next() until StopIteration


def take(source, into: list) -> None:
    for _ in range(1_000):
        into.append(next(source))


if __name__ == "__main__":
    shared, drawn = tickets(30_000), []
    together(*[(drain, shared, drawn)] * 3)  # three threads, one generator
    print(
        "@synchronized_iterator:",
        f"{len(drawn):,} drawn,",
        "each once:",
        sorted(drawn) == [*range(30_000)],
    )

    counter, numbers = threading.serialize_iterator(itertools.count()), []
    together(*[(take, counter, numbers)] * 3)
    print("serialize_iterator(count()):", f"{len(set(numbers)):,} distinct of {len(numbers):,}")

    left, right = threading.concurrent_tee(tickets(5), n=2)  # one copy per thread
    seen_left, seen_right = [], []
    together((drain, left, seen_left), (drain, right, seen_right))
    print("concurrent_tee: left saw", seen_left, "right saw", seen_right)
