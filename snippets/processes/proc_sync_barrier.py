"""A multiprocessing.Barrier: no process starts phase 2 before all have finished phase 1."""

import multiprocessing
import random
import threading
import time


def work(name: str, barrier, log) -> None:
    time.sleep(random.uniform(0.05, 0.3))  # phase 1 takes each process a different time
    log.put((time.monotonic(), name, "finished phase 1"))
    slot = barrier.wait(timeout=10)  # 0 .. parties-1, a different one in each process
    if slot == 0:
        log.put((time.monotonic(), name, "was given slot 0: it merges the partial results"))
    log.put((time.monotonic(), name, "started phase 2"))


def arrive_alone(barrier) -> None:
    try:
        barrier.wait(timeout=0.3)
    except threading.BrokenBarrierError:  # multiprocessing reuses threading's exception
        print("child: BrokenBarrierError after 0.3 s; the barrier is broken:", barrier.broken)


if __name__ == "__main__":
    barrier = multiprocessing.Barrier(3)
    log = multiprocessing.Queue()
    names = ["p0", "p1", "p2"]
    workers = [multiprocessing.Process(target=work, args=(n, barrier, log)) for n in names]
    for p in workers:
        p.start()
    events = sorted(log.get(timeout=10) for _ in range(7))  # 3 + 1 + 3 entries, by time
    for p in workers:
        p.join()
    leaders = [name for _, name, step in events if step.startswith("was given")]
    steps = [step for _, _, step in events if not step.startswith("was given")]
    print("steps in time order:", steps)
    print(f"processes given slot 0: {len(leaders)}")

    waiting_for_three = multiprocessing.Barrier(3)  # only one party will come
    child = multiprocessing.Process(target=arrive_alone, args=(waiting_for_three,))
    child.start()
    child.join()
