# /// script
# [tool.guide]
# varies = "how many updates are lost"
# check = "property"
# ///
"""Two processes add to a shared Value: without its lock, updates are lost; with it, none are."""

import multiprocessing

ADDS = 50_000


def add(counter, start: multiprocessing.Barrier, locked: bool) -> None:
    start.wait()  # both processes begin together, on two cores
    for _ in range(ADDS):
        if locked:
            with counter.get_lock():
                counter.value += 1
        else:
            counter.value += 1  # read, add, write: the other process can write in between


def run(locked: bool) -> int:
    counter = multiprocessing.Value("i", 0)  # an int in shared memory, with a lock
    start = multiprocessing.Barrier(2)
    workers = [multiprocessing.Process(target=add, args=(counter, start, locked)) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return counter.value


if __name__ == "__main__":
    expected = 2 * ADDS
    for locked in (False, True):
        total = run(locked)
        label = "with get_lock()" if locked else "without a lock"
        print(f"{label:<16} {total:>7,} of {expected:,}  lost {expected - total:,}")
