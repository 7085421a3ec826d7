# /// script
# [tool.guide]
# varies = "how many compare-and-set attempts failed and were retried"
# check = "property"
# ///
"""Compare-and-set built from a lock, and the optimistic retry loop that uses it."""

import threading
import time


class AtomicReference:
    def __init__(self, value) -> None:
        self._value = value
        self._lock = threading.Lock()

    def get(self):
        return self._value  # reading one reference is never torn: no lock needed

    def compare_and_set(self, expected, new) -> bool:
        """Store new only if the value is still expected; say whether it was stored."""
        with self._lock:  # held for a comparison and a store, never for the caller's work
            if self._value != expected:
                return False
            self._value = new
            return True

    def update(self, change) -> tuple:
        """Apply change optimistically: compute outside the lock, retry if someone beat us."""
        retries = 0
        while True:
            old = self.get()
            new = change(old)  # slow work, done without holding anything
            if self.compare_and_set(old, new):
                return new, retries
            retries += 1


def add_sample(stats: tuple, sample: float = 2.5) -> tuple:
    count, total = stats
    time.sleep(0)  # other threads run while we compute: their updates make ours stale
    return count + 1, total + sample


if __name__ == "__main__":
    stats = AtomicReference((0, 0.0))  # an immutable value: replaced whole, never mutated
    retries: list[int] = []

    def worker() -> None:
        for _ in range(500):
            retries.append(stats.update(add_sample)[1])

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    count, total = stats.get()
    print(f"samples: {count:,} (expected 2,000), total {total:,.1f} (expected 5,000.0)")
    print(f"retries after losing a race: {sum(retries):,}; most for one update: {max(retries)}")
