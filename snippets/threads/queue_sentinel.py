# /// script
# [tool.guide]
# varies = "which consumer handles which word"
# check = "property"
# ///
"""Shut consumers down cleanly: put one sentinel per consumer after the last real item."""

import queue
import threading
import time

DONE = object()  # a unique marker no real item can be equal to


def consume(lines: queue.Queue, lengths: dict[str, list[int]]) -> None:
    mine = lengths.setdefault(threading.current_thread().name, [])
    while (line := lines.get()) is not DONE:
        mine.append(len(line))
        time.sleep(0.002)  # a little work per word
    # falling out of the loop ends the thread: no daemon flag needed


if __name__ == "__main__":
    lines: queue.Queue = queue.Queue(maxsize=4)  # bounded: the producer cannot run far ahead
    lengths: dict[str, list[int]] = {}
    consumers = [
        threading.Thread(target=consume, args=(lines, lengths), name=f"consumer-{i}")
        for i in range(3)
    ]
    for consumer in consumers:
        consumer.start()

    text = "the quick brown fox jumps over the lazy dog " * 4
    for word in text.split():
        lines.put(word)
    for _ in consumers:
        lines.put(DONE)
    for consumer in consumers:
        consumer.join()

    counts = {name: len(seen) for name, seen in sorted(lengths.items())}
    print("words per consumer:", counts)
    print("all words consumed:", sum(counts.values()) == len(text.split()))
    print("all consumers ended:", not any(c.is_alive() for c in consumers))
