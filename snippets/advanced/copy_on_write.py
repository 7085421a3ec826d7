# /// script
# [tool.guide]
# varies = "how many reads of the mutable settings caught an update half done"
# check = "property"
# ///
"""Copy-on-write: readers take an immutable snapshot without a lock and never see half an update."""

import threading
import time
from dataclasses import dataclass, replace

READS = 2_000


class MutableSettings:
    def __init__(self) -> None:
        self.low, self.high = 0, 10  # invariant: high == low + 10

    def move_to(self, low: int) -> None:
        self.low = low
        time.sleep(0)  # a reader can run here, between the two stores
        self.high = low + 10

    def read(self) -> tuple[int, int]:
        low = self.low
        time.sleep(0)
        return low, self.high


@dataclass(frozen=True)
class Range:
    low: int = 0
    high: int = 10


class CopyOnWriteSettings:
    def __init__(self) -> None:
        self.current = Range()  # one reference: readers see the old range or the new one
        self._write_lock = threading.Lock()  # writers still exclude each other

    def move_to(self, low: int) -> None:
        with self._write_lock:
            draft = replace(self.current, low=low)  # copy...
            time.sleep(0)
            self.current = replace(draft, high=low + 10)  # ...then publish with one store

    def read(self) -> tuple[int, int]:
        snapshot = self.current
        time.sleep(0)
        return snapshot.low, snapshot.high


def torn_reads(settings) -> int:
    done = threading.Event()

    def writer() -> None:
        n = 0
        while not done.is_set():
            n += 1
            settings.move_to(n)

    thread = threading.Thread(target=writer)
    thread.start()
    torn = sum(high != low + 10 for low, high in (settings.read() for _ in range(READS)))
    done.set()
    thread.join()
    return torn


if __name__ == "__main__":
    for settings in (MutableSettings(), CopyOnWriteSettings()):
        name = type(settings).__name__
        print(f"{name:<20} {torn_reads(settings):>5,} of {READS:,} reads saw a half-made update")
