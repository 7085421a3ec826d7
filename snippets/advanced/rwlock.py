# /// script
# [tool.guide]
# varies = "how many readers overlapped"
# check = "property"
# ///
"""A readers-writer lock from a Condition: readers share it, a writer has it alone."""

import threading
import time
from contextlib import contextmanager


class ReadWriteLock:
    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._readers = 0
        self._writing = False
        self._writers_waiting = 0  # waiting writers go first: writers never starve, readers may

    @contextmanager
    def reading(self):
        with self._changed:
            self._changed.wait_for(lambda: not self._writing and not self._writers_waiting)
            self._readers += 1
        try:
            yield
        finally:
            with self._changed:
                self._readers -= 1
                self._changed.notify_all()

    @contextmanager
    def writing(self):
        with self._changed:
            self._writers_waiting += 1
            self._changed.wait_for(lambda: not self._writing and self._readers == 0)
            self._writers_waiting -= 1
            self._writing = True
        try:
            yield
        finally:
            with self._changed:
                self._writing = False
                self._changed.notify_all()


if __name__ == "__main__":
    rw = ReadWriteLock()
    inside = {"readers": 0, "writers": 0}
    seen = {"most readers": 0, "writer with company": False}
    count_lock = threading.Lock()

    def enter_and_leave(role: str) -> None:
        with count_lock:
            inside[role] += 1
            seen["most readers"] = max(seen["most readers"], inside["readers"])
            if inside["writers"] and (inside["readers"] or inside["writers"] > 1):
                seen["writer with company"] = True
        time.sleep(0.02)
        with count_lock:
            inside[role] -= 1

    def reader() -> None:
        for _ in range(3):
            with rw.reading():
                enter_and_leave("readers")

    def writer() -> None:
        for _ in range(2):
            with rw.writing():
                enter_and_leave("writers")

    threads = [threading.Thread(target=reader) for _ in range(4)]
    threads += [threading.Thread(target=writer) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"most readers inside at once: {seen['most readers']}")
    print(f"a writer ever shared the lock: {seen['writer with company']}")
