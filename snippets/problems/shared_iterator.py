# /// script
# [tool.guide]
# varies = "nothing on a GIL build; on a free-threaded build, how many tickets are duplicated"
# check = "property"
# ///
"""Four threads draw tickets from one iterator: safe by luck with the GIL, not without it."""

import sys
import threading
from collections import Counter


class Tickets:
    """An iterator with a read-modify-write in __next__ and no lock."""

    def __init__(self, stop: int) -> None:
        self.current, self.stop = 0, stop

    def __iter__(self) -> "Tickets":
        return self

    def __next__(self) -> int:
        number = self.current  # read
        if number >= self.stop:
            raise StopIteration
        self.current = number + 1  # write: another thread may have read the same number
        return number


def draw(tickets: Tickets, drawn: list[int]) -> None:
    for number in tickets:  # every thread calls next() on the same object
        drawn.append(number)


if __name__ == "__main__":
    tickets, drawn = Tickets(400_000), []
    threads = [threading.Thread(target=draw, args=(tickets, drawn)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    duplicated = sum(times - 1 for times in Counter(drawn).values())
    gil_enabled = getattr(sys, "_is_gil_enabled", lambda: True)()
    print(f"build: {'GIL' if gil_enabled else 'free-threaded'}")
    print(f"tickets drawn {len(drawn):,}, distinct {len(set(drawn)):,}, duplicated {duplicated:,}")
