# /// script
# [tool.guide]
# varies = "how many updates the unlocked counter loses"
# check = "property"
# ///
"""A shared counter: without a lock concurrent increments are lost, with one none are."""

import threading
import time

THREADS, INCREMENTS = 4, 1_000


class UnsafeCounter:
    def __init__(self) -> None:
        self.value = 0

    def increment(self) -> None:
        current = self.value
        time.sleep(0)  # any call here lets another thread run between the read and the write
        self.value = current + 1


class LockedCounter:
    def __init__(self) -> None:
        self.value = 0
        self._lock = threading.Lock()

    def increment(self) -> None:
        with self._lock:  # the read, the pause and the write form one indivisible step
            current = self.value
            time.sleep(0)
            self.value = current + 1


def hammer(counter: UnsafeCounter | LockedCounter) -> int:
    def work() -> None:
        for _ in range(INCREMENTS):
            counter.increment()

    threads = [threading.Thread(target=work) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return counter.value


if __name__ == "__main__":
    expected = THREADS * INCREMENTS
    print(f"{THREADS} threads x {INCREMENTS:,} increments, expected {expected:,}")
    for counter in (UnsafeCounter(), LockedCounter()):
        value = hammer(counter)
        name = type(counter).__name__
        print(f"{name:<14} {value:>6,}  lost {expected - value:,}")
