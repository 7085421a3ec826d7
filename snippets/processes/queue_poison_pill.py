# /// script
# [tool.guide]
# varies = "which consumer takes which item"
# check = "property"
# ///
"""Producer and consumers on a multiprocessing.Queue, shut down with one poison pill per consumer."""

import multiprocessing
import os

CONSUMERS = 2
STOP = None  # the poison pill: a value that is never a real item


def consume(name: str, tasks: multiprocessing.Queue, results: multiprocessing.Queue) -> None:
    handled = 0
    while (item := tasks.get()) is not STOP:
        results.put((name, item, item * item))
        handled += 1
    print(f"{name} (pid {os.getpid()}): got the pill after {handled} items")


if __name__ == "__main__":
    tasks, results = multiprocessing.Queue(), multiprocessing.Queue()
    consumers = [
        multiprocessing.Process(target=consume, args=(f"consumer-{i}", tasks, results))
        for i in range(CONSUMERS)
    ]
    for consumer in consumers:
        consumer.start()

    items = list(range(1, 21))
    for item in items:
        tasks.put(item)
    for _ in consumers:
        tasks.put(STOP)  # one pill each: a consumer that swallows one stops taking items

    answers = [results.get(timeout=10) for _ in items]  # drain before join (see below)
    for consumer in consumers:
        consumer.join()
    seen = sorted(item for _, item, _ in answers)
    print(f"{len(answers)} results; every item exactly once: {seen == items}")
    print(f"sum of squares: {sum(square for _, _, square in answers)}")
