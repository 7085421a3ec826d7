"""LifoQueue hands out the newest item first; PriorityQueue the smallest."""

import itertools
import queue
import threading
from dataclasses import dataclass, field

arrival = itertools.count()  # breaks ties: equal priorities come out first-in, first-out


@dataclass(order=True)
class Job:
    priority: int
    order: int = field(default_factory=lambda: next(arrival))
    name: str = field(default="", compare=False)  # never compared, so it need not be orderable


def drain(q: queue.Queue) -> list:
    """Take everything out of `q` in another thread, in the order the queue hands it out."""
    out: list = []
    worker = threading.Thread(target=lambda: out.extend(q.get() for _ in range(q.qsize())))
    worker.start()
    worker.join()
    return out


if __name__ == "__main__":
    history: queue.LifoQueue[str] = queue.LifoQueue()
    for page in ("home", "search", "results", "item"):
        history.put(page)
    print("LifoQueue:    ", drain(history))

    jobs: queue.PriorityQueue[Job] = queue.PriorityQueue()
    for priority, name in ((3, "tidy logs"), (1, "restart db"), (2, "send mail"), (1, "page ops")):
        jobs.put(Job(priority, name=name))
    print("PriorityQueue:", [(job.priority, job.name) for job in drain(jobs)])
