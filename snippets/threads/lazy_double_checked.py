# /// script
# [tool.guide]
# varies = "how many clients the unlocked version creates, and how many threads took the lock"
# check = "property"
# ///
"""Lazy initialisation: a plain check makes several clients; double-checked locking makes one."""

import threading
import time

created = []  # every client ever made (list.append is atomic)


class Client:
    def __init__(self) -> None:
        time.sleep(0.05)  # connecting takes a while: other threads reach the check meanwhile
        created.append(self)


class Unlocked:
    client = None

    def get(self) -> Client:
        if self.client is None:  # check ...
            self.client = Client()  # ... act: every thread that passed the check connects
        return self.client


class DoubleChecked:
    client = None

    def __init__(self) -> None:
        self.lock, self.locked = threading.Lock(), 0

    def get(self) -> Client:
        if self.client is None:  # fast path: no lock once the client exists
            with self.lock:
                self.locked += 1
                if self.client is None:  # check again: another thread may have made it
                    self.client = Client()
        return self.client


def run(holder, threads: int = 8, calls: int = 1_000) -> None:
    created.clear()
    start, used = threading.Barrier(threads), set()

    def user() -> None:
        start.wait()
        for _ in range(calls):
            used.add(id(holder.get()))

    workers = [threading.Thread(target=user) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    report = f"{type(holder).__name__}: {threads * calls:,} calls; clients created: {len(created)}, in use: {len(used)}"
    print(report + (f"; lock acquisitions: {holder.locked}" if hasattr(holder, "locked") else ""))


if __name__ == "__main__":
    run(Unlocked())
    run(DoubleChecked())
