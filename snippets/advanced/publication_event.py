# /// script
# [tool.guide]
# varies = "how many readers caught the early-published report half filled"
# check = "property"
# ///
"""Safe publication: fill an object completely, then announce it with an Event."""

import threading
import time

ROUNDS, ROWS = 100, 10


class Box:
    report: list | None = None


def publish_early(box: Box, ready: threading.Event) -> None:
    box.report = []  # visible to readers at once, still empty
    for row in range(ROWS):
        box.report.append(row)
        time.sleep(0)
    ready.set()


def publish_when_done(box: Box, ready: threading.Event) -> None:
    report = []  # private until finished
    for row in range(ROWS):
        report.append(row)
        time.sleep(0)
    box.report = report
    ready.set()  # set() happens-before every wait() that returns True


def read_by_polling(box: Box, ready: threading.Event) -> int:
    while box.report is None:  # sees the reference as soon as it is stored
        time.sleep(0)
    return len(box.report)


def read_after_event(box: Box, ready: threading.Event) -> int:
    if not ready.wait(timeout=1):  # a bounded wait: a lost writer cannot hang the reader
        raise TimeoutError("nothing was published")
    return len(box.report)


def incomplete_reads(write, read) -> int:
    sizes: list[int] = []  # how many rows each reader found
    for _ in range(ROUNDS):
        box, ready = Box(), threading.Event()
        reader = threading.Thread(target=lambda b=box, r=ready: sizes.append(read(b, r)))
        writer = threading.Thread(target=write, args=(box, ready))
        reader.start()
        writer.start()
        writer.join()
        reader.join()
    return sum(size < ROWS for size in sizes)


if __name__ == "__main__":
    for write, read in ((publish_early, read_by_polling), (publish_when_done, read_after_event)):
        bad = incomplete_reads(write, read)
        print(f"{write.__name__:<17} + {read.__name__:<16} {bad:>3} of {ROUNDS} reads incomplete")
