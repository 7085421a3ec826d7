# /// script
# [tool.guide]
# varies = "how many jobs each worker happened to take"
# check = "property"
# ///
"""Worker threads take jobs from a Queue; task_done() and join() tell when all are done."""

import queue
import threading
import time

jobs: queue.Queue[int] = queue.Queue()
results: dict[int, int] = {}
handled_by: dict[str, int] = {}


def worker() -> None:
    name = threading.current_thread().name
    while True:
        job = jobs.get()  # blocks until there is something to take
        try:
            time.sleep(0.01)  # the work
            results[job] = job * job
            handled_by[name] = handled_by.get(name, 0) + 1
        finally:
            jobs.task_done()  # exactly once per get(), even if the work failed


if __name__ == "__main__":
    for i in range(3):  # daemon: they wait forever, and must not keep the program alive
        threading.Thread(target=worker, name=f"worker-{i}", daemon=True).start()
    for job in range(15):
        jobs.put(job)

    jobs.join()  # returns when task_done() has been called for every item put
    print(f"{len(results)} results, every job once: {sorted(results) == list(range(15))}")
    print("sum of squares:", sum(results.values()))
    print("jobs per worker:", dict(sorted(handled_by.items())))
