"""Two processes add 100 each to one counter in shared memory; some additions go missing."""

import time
from multiprocessing import Barrier, Process, Value

TIMES = 100  # per process


def add(counter, start) -> None:
    start.wait()  # both begin together
    for _ in range(TIMES):
        seen = counter.value  # read
        time.sleep(0.001)  # some work; the other process runs meanwhile
        counter.value = seen + 1  # write back what may be stale by now


if __name__ == "__main__":
    counter = Value("i", 0)  # an int in shared memory, with a lock it does not use here
    start = Barrier(2)
    workers = [Process(target=add, args=(counter, start)) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    print(f"counter: {counter.value} (expected {2 * TIMES})")
