"""Two processes add 100 each to one counter in shared memory, under the Value's own lock."""

import time
from multiprocessing import Barrier, Process, Value

TIMES = 100  # per process


def add(counter, start) -> None:
    start.wait()  # both begin together
    for _ in range(TIMES):
        with counter.get_lock():  # a lock shared by both processes
            seen = counter.value
            time.sleep(0.001)  # some work
            counter.value = seen + 1


if __name__ == "__main__":
    counter = Value("i", 0)  # an int in shared memory, with a lock
    start = Barrier(2)
    workers = [Process(target=add, args=(counter, start)) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    print(f"counter: {counter.value} (expected {2 * TIMES})")
