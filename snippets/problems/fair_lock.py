# /// script
# [tool.guide]
# varies = "the counts, which depend on timing"
# check = "property"
# ///
"""A ticket lock is fair: whoever asked first gets the lock next, so the threads take turns."""

import threading
import time
from itertools import groupby


class TicketLock:
    """Served in the order of asking, like tickets at a counter."""

    def __init__(self) -> None:
        self.changed = threading.Condition()
        self.next_ticket = 0
        self.now_serving = 0

    def __enter__(self) -> None:
        with self.changed:
            ticket = self.next_ticket
            self.next_ticket += 1
            self.changed.wait_for(lambda: self.now_serving == ticket)

    def __exit__(self, *exc_info) -> None:
        with self.changed:
            self.now_serving += 1
            self.changed.notify_all()


lock = TicketLock()
owners: list[str] = []  # who held the lock, one entry per acquisition


def greedy(name: str, deadline: float) -> None:
    while time.monotonic() < deadline:
        with lock:
            owners.append(name)
            sum(range(100))  # a little work while holding the lock
        # straight back for the lock: now it has to queue behind the others


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
