# /// script
# [tool.guide]
# varies = "how the items are split between the consumers"
# check = "property"
# ///
"""Producer and consumers on a multiprocessing.Queue, shut down with one poison pill per consumer."""

import multiprocessing

CONSUMERS = 2
STOP = None  # the poison pill: a value that is never a real item


def consume(name: str, tasks: multiprocessing.Queue, results: multiprocessing.Queue) -> None:
    handled = 0
    while (item := tasks.get()) is not STOP:
        results.put((item, item * item))
        handled += 1
    results.put(f"{name} got the pill after {handled} items")  # its last message


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

    # Read every message before joining (see the next example for why).
    messages = [results.get(timeout=10) for _ in range(len(items) + CONSUMERS)]
    for consumer in consumers:
        consumer.join()

    squares = [m for m in messages if isinstance(m, tuple)]
    for report in sorted(m for m in messages if isinstance(m, str)):
        print(report)
    print(
        f"{len(squares)} results; every item exactly once: {sorted(i for i, _ in squares) == items}"
    )
    print(f"sum of squares: {sum(square for _, square in squares)}")
