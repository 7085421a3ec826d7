# /// script
# requires-python = ">=3.13"
# [tool.guide]
# varies = "how many updates are lost"
# check = "property"
# free-threaded = true
# ///
"""Without the GIL, a plain `counter += 1` in four threads loses updates; a lock fixes it."""

import sys
import threading

THREADS = 4
TIMES = 200_000


class Counter:
    def __init__(self) -> None:
        self.value = 0
        self.lock = threading.Lock()

    def add_racy(self, times: int) -> None:
        for _ in range(times):
            self.value += 1  # read, add, write: threads now really run at the same time

    def add_locked(self, times: int) -> None:
        for _ in range(times):
            with self.lock:
                self.value += 1


def run(method_name: str) -> None:
    counter = Counter()
    work = getattr(counter, method_name)
    threads = [threading.Thread(target=work, args=(TIMES,)) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    lost = THREADS * TIMES - counter.value
    print(f"{method_name}: counted {counter.value:,} of {THREADS * TIMES:,}, lost {lost:,}")


if __name__ == "__main__":
    print(f"GIL enabled: {sys._is_gil_enabled()}")
    run("add_racy")
    run("add_locked")
