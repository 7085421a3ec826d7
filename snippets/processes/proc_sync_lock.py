# /// script
# [tool.guide]
# varies = "how many records the unlocked run breaks"
# check = "property"
# ///
"""A multiprocessing.Lock makes a several-step update one step, across processes."""

import contextlib
import multiprocessing
import os
import tempfile
import time


def append_records(path: str, lock, go, worker: int) -> None:
    go.wait()  # all four start writing together
    for n in range(50):
        with lock or contextlib.nullcontext():  # with a lock: one process at a time in here
            with open(path, "a") as log:
                log.write(f"begin {worker}:{n}\n")
                log.flush()  # two separate writes: without the lock, others' can fall between
                time.sleep(0.002)
                log.write(f"end   {worker}:{n}\n")


def try_lock(lock) -> None:
    print(
        f"child: acquire(timeout=0.2) while the parent holds the lock: {lock.acquire(timeout=0.2)}"
    )


def intact_records(lock) -> str:
    go = multiprocessing.Event()
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "records.log")
        args = [(path, lock, go, w) for w in range(4)]
        workers = [multiprocessing.Process(target=append_records, args=a) for a in args]
        for p in workers:
            p.start()
        go.set()
        for p in workers:
            p.join()
        with open(path) as log:
            lines = log.read().splitlines()
    pairs = list(zip(lines[::2], lines[1::2], strict=True))
    intact = sum(b.startswith("begin") and e == f"end   {b.split()[1]}" for b, e in pairs)
    return f"{intact:3} of {len(pairs)} records intact"


if __name__ == "__main__":
    print("without a lock:", intact_records(None))
    lock = multiprocessing.Lock()
    print("with a lock:   ", intact_records(lock))

    with lock:  # while another process holds the lock, acquire() with a timeout gives up
        child = multiprocessing.Process(target=try_lock, args=(lock,))
        child.start()
        child.join()
