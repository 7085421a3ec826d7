"""One owner thread applies every change: workers send requests through a Queue."""

import queue
import threading
import time

THREADS = 4
TIMES = 1_000
DONE = None  # tells the owner to stop


def owner(requests: queue.Queue, result: list[int]) -> None:
    counter = 0  # only this thread ever touches the counter
    while (amount := requests.get()) is not DONE:
        current = counter
        time.sleep(0)  # other threads run here, but none of them can touch `counter`
        counter = current + amount
    result.append(counter)


def worker(requests: queue.Queue, times: int) -> None:
    for _ in range(times):
        requests.put(1)  # Queue does its own locking


if __name__ == "__main__":
    requests: queue.Queue = queue.Queue()
    result: list[int] = []
    keeper = threading.Thread(target=owner, args=(requests, result))
    keeper.start()
    workers = [threading.Thread(target=worker, args=(requests, TIMES)) for _ in range(THREADS)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    requests.put(DONE)  # after every increment: a Queue is first in, first out
    keeper.join()
    print(f"expected {THREADS * TIMES:,}, counted {result[0]:,}")
