# /// script
# [tool.guide]
# free-threaded = true
# varies = "how many increments are lost"
# check = "property"
# ///
"""Without the GIL, `+=` loses updates at full speed, while list.append still keeps every item."""

import sys
import threading

THREADS, TIMES = 4, 200_000


class Counter:
    value = 0


def work(counter: Counter, log: list) -> None:
    for n in range(TIMES):
        counter.value += 1  # read, add, write: threads on other cores interleave freely
        log.append(n)  # one call; the list's own lock (per-object locking) protects it


if __name__ == "__main__":
    print(f"GIL enabled: {sys._is_gil_enabled()}")
    counter, log = Counter(), []
    threads = [threading.Thread(target=work, args=(counter, log)) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    expected = THREADS * TIMES
    print(
        f"counter.value += 1: {counter.value:,} of {expected:,} (lost {expected - counter.value:,})"
    )
    print(f"log.append:         {len(log):,} of {expected:,}")
