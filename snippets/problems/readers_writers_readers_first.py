# /// script
# [tool.guide]
# varies = "the counts and waits, which depend on timing"
# check = "property"
# ///
"""Readers first: while readers overlap, writers wait and wait — they starve."""

import random
import threading
import time


class ReadersFirstLock:
    """Many readers or one writer; a reader never waits for a writer who is only waiting."""

    def __init__(self) -> None:
        self.changed = threading.Condition()
        self.readers = 0
        self.writing = False

    def acquire_read(self) -> None:
        with self.changed:
            self.changed.wait_for(lambda: not self.writing)
            self.readers += 1

    def release_read(self) -> None:
        with self.changed:
            self.readers -= 1
            self.changed.notify_all()

    def acquire_write(self) -> None:
        with self.changed:  # needs a moment with no reader at all: may never come
            self.changed.wait_for(lambda: not self.writing and self.readers == 0)
            self.writing = True

    def release_write(self) -> None:
        with self.changed:
            self.writing = False
            self.changed.notify_all()


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
    measure(ReadersFirstLock())
