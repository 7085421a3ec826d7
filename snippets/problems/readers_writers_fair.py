# /// script
# [tool.guide]
# varies = "the counts and waits, which depend on timing"
# check = "property"
# ///
"""Fair: readers and writers are let in in the order they asked; both sides progress."""

import random
import threading
import time


# --8<-- [start:lock]
class FairReadWriteLock:
    """Many readers or one writer, admitted strictly in the order they asked (tickets)."""

    def __init__(self) -> None:
        self.changed = threading.Condition()
        self.readers = 0
        self.writing = False
        self.next_ticket = 0  # handed to each request as it arrives
        self.admitted = 0  # every ticket below this one is in (or done)

    def take_ticket(self) -> int:
        self.next_ticket += 1
        return self.next_ticket - 1

    def acquire_read(self) -> None:
        with self.changed:
            ticket = self.take_ticket()
            self.changed.wait_for(lambda: self.admitted == ticket and not self.writing)
            self.readers += 1
            self.admitted += 1
            self.changed.notify_all()  # the next in line may be a reader too

    def release_read(self) -> None:
        with self.changed:
            self.readers -= 1
            self.changed.notify_all()

    def acquire_write(self) -> None:
        with self.changed:
            ticket = self.take_ticket()
            self.changed.wait_for(
                lambda: self.admitted == ticket and not self.writing and self.readers == 0
            )
            self.writing = True
            self.admitted += 1

    def release_write(self) -> None:
        with self.changed:
            self.writing = False
            self.changed.notify_all()

    # --8<-- [end:lock]


def measure(lock, readers: int = 4, writers: int = 2, seconds: float = 0.4) -> None:
    """Readers and writers use `lock` for `seconds`; print how far each side got."""
    deadline = time.monotonic() + seconds
    done = {"reads": 0, "writes": 0}
    longest_wait = {"reads": 0.0, "writes": 0.0}
    tally = threading.Lock()

    def use(kind: str, acquire, release, hold: tuple[float, float], pause: float) -> None:
        count, longest = 0, 0.0
        while (asked := time.monotonic()) < deadline:
            acquire()
            longest = max(longest, time.monotonic() - asked)
            if time.monotonic() < deadline:
                time.sleep(random.uniform(*hold))  # reading or writing
                count += 1
            release()
            time.sleep(pause)
        with tally:  # the totals are shared between threads
            done[kind] += count
            longest_wait[kind] = max(longest_wait[kind], longest)

    reader = (lock.acquire_read, lock.release_read, (0.001, 0.003), 0.0)  # back at once
    writer = (lock.acquire_write, lock.release_write, (0.001, 0.003), 0.001)
    threads = [threading.Thread(target=use, args=("reads", *reader)) for _ in range(readers)]
    threads += [threading.Thread(target=use, args=("writes", *writer)) for _ in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"{type(lock).__name__}: {readers} readers, {writers} writers, {seconds} s")
    for kind in done:
        print(f"  {kind:<6} {done[kind]:>4}   longest wait {longest_wait[kind]:.2f} s")


if __name__ == "__main__":
    measure(FairReadWriteLock())
