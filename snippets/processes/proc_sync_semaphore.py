# /// script
# [tool.guide]
# varies = "the elapsed time"
# check = "property"
# ///
"""A multiprocessing.Semaphore lets at most two of six processes into a section at once."""

import multiprocessing
import time


def download(slots, inside, peak, go) -> None:
    go.wait()
    with slots:  # blocks while two other processes are inside
        with inside.get_lock():
            inside.value += 1
            peak.value = max(peak.value, inside.value)
        time.sleep(0.3)  # holding one of the two slots
        with inside.get_lock():
            inside.value -= 1


if __name__ == "__main__":
    slots = multiprocessing.Semaphore(2)
    inside = multiprocessing.Value("i", 0)  # how many processes are in the section now
    peak = multiprocessing.Value("i", 0)  # the most there ever were
    go = multiprocessing.Event()
    workers = [
        multiprocessing.Process(target=download, args=(slots, inside, peak, go)) for _ in range(6)
    ]
    for p in workers:
        p.start()
    start = time.perf_counter()
    go.set()
    for p in workers:
        p.join()
    elapsed = time.perf_counter() - start
    print(f"6 processes, 2 slots: at most {peak.value} inside at once")
    print(f"6 x 0.3 s of work, 2 at a time: {elapsed:.2f} s (at least 0.9 s)")
