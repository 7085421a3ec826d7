"""A multiprocessing.Event: workers get ready, then all start at the parent's signal."""

import multiprocessing
import time


def worker(name: str, ready, go, results) -> None:
    time.sleep(0.1)  # load something, open files...
    ready.release()  # tell the parent this worker is ready
    if not go.wait(timeout=10):  # every worker sleeps here until the parent calls go.set()
        return
    results.put(f"{name} started after the signal: {go.is_set()}")


if __name__ == "__main__":
    ready = multiprocessing.Semaphore(0)  # counts the workers that are ready
    go = multiprocessing.Event()
    results = multiprocessing.Queue()
    names = ["loader", "parser", "writer"]
    workers = [multiprocessing.Process(target=worker, args=(n, ready, go, results)) for n in names]
    for p in workers:
        p.start()
    for _ in workers:
        ready.acquire(timeout=10)
    print(
        f"all {len(workers)} workers ready; event set: {go.is_set()}; nothing started: {results.empty()}"
    )
    go.set()  # wakes every process waiting on the event, now and later
    print(sorted(results.get(timeout=10) for _ in workers))
    for p in workers:
        p.join()
    print(f"wait(timeout=0.1) on a set event:   {go.wait(timeout=0.1)}")
    go.clear()
    print(f"wait(timeout=0.1) on a clear event: {go.wait(timeout=0.1)}")
