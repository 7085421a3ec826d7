# /// script
# [tool.guide]
# varies = "the times, by a few milliseconds"
# check = "property"
# ///
"""queue.SimpleQueue: an unbounded FIFO in C, cheaper than queue.Queue when you need no more."""

import queue
import threading
import time

ITEMS = 20_000
ROUNDS = 5  # each queue's best of five, taking turns: one stalled run cannot decide


def pass_through(q) -> float:
    """One producer thread and one consumer thread move ITEMS items through q."""
    received = []

    def consume() -> None:
        while (item := q.get()) is not None:
            received.append(item)

    consumer = threading.Thread(target=consume)
    start = time.perf_counter()
    consumer.start()
    for n in range(1, ITEMS + 1):
        q.put(n)
    q.put(None)  # sentinel: SimpleQueue has no task_done(), join() or shutdown()
    consumer.join()
    elapsed = time.perf_counter() - start
    assert received == list(range(1, ITEMS + 1))
    return elapsed


if __name__ == "__main__":
    full = simple = float("inf")
    for _ in range(ROUNDS):
        full = min(full, pass_through(queue.Queue()))
        simple = min(simple, pass_through(queue.SimpleQueue()))
    print(f"{ITEMS:,} items from one thread to another, every one received in order")
    print(f"the best of {ROUNDS} runs each:")
    print(
        f"queue.Queue        {full * 1000:6.0f} ms  (bounded if asked, task_done/join, a lock in Python)"
    )
    print(
        f"queue.SimpleQueue  {simple * 1000:6.0f} ms  (unbounded, put() is reentrant, written in C)"
    )
    print(f"SimpleQueue took {simple / full:.0%} of the time")
