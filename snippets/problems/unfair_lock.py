# /// script
# [tool.guide]
# retries = 4  # the check compares measured times, which a briefly busy machine upsets
# varies = "the counts, which depend on timing"
# check = "property"
# ///
"""A Lock promises no fairness: the thread that just released it usually takes it again."""

import threading
import time
from itertools import groupby

lock = threading.Lock()
owners: list[str] = []  # who held the lock, one entry per acquisition


def greedy(name: str, deadline: float) -> None:
    while time.monotonic() < deadline:
        with lock:
            owners.append(name)
            sum(range(100))  # a little work while holding the lock
        # straight back for the lock, although the others have waited longer


def report() -> None:
    per_thread = ", ".join(f"{name} {owners.count(name):,}" for name in "ABC")
    runs = [len(list(run)) for _, run in groupby(owners)]  # AAAB -> [3, 1]
    handovers, longest = len(runs) - 1, max(runs)
    print(f"acquisitions per thread: {per_thread}")
    print(f"the lock changed hands {handovers:,} times in {len(owners):,} acquisitions")
    print(f"longest run of acquisitions by one thread: {longest:,}")


if __name__ == "__main__":
    deadline = time.monotonic() + 0.35
    threads = [threading.Thread(target=greedy, args=(name, deadline)) for name in "ABC"]
    with lock:  # hold the lock until all three threads are queued for it
        for thread in threads:
            thread.start()
        time.sleep(0.05)
    for thread in threads:
        thread.join()
    report()
