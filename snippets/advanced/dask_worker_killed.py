# /// script
# dependencies = ["dask[distributed]"]
# [tool.guide]
# varies = "how many squares lived only in the killed worker"
# check = "property"
# timeout = 120
# ///
"""A worker process is killed while it runs a task: the scheduler runs the task again elsewhere and
recomputes the inputs that died with the worker."""

import logging
import os
import signal
import time

from dask.distributed import Client, Event, LocalCluster


def square(n: int) -> int:
    return n * n


def slow_sum(values: list[int]) -> tuple[int, int]:
    Event("slow_sum started").set()
    time.sleep(1.0)  # long enough to be killed in the middle
    return sum(values), os.getpid()


def moves(story: list[tuple], key: str, to: str) -> int:
    """How many times the scheduler moved `key` to state `to` ("processing": sent to a worker
    to run; "memory": a result held by a worker). Its entries: (who, key, from, to, ...)."""
    return sum(1 for entry in story if entry[0] == "scheduler" and entry[1:4:2] == (key, to))


if __name__ == "__main__":
    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.CRITICAL,  # the nanny's warnings about the death, among others
        ) as cluster,
        Client(cluster) as client,
    ):
        squares = client.map(square, range(10))
        total = client.submit(slow_sum, squares)
        Event("slow_sum started").wait(timeout=30)
        # The scheduler knows which worker runs which task (the dashboard draws this).
        address = next(w for w, keys in client.processing().items() if total.key in keys)
        victim = client.run(os.getpid, workers=[address])[address]
        os.kill(victim, signal.SIGKILL)  # no clean-up, no goodbye: as if the machine died
        print("killed the worker process running slow_sum")

        value, pid = total.result(timeout=60)
        print(
            f"slow_sum's result still arrived: {value} (expected {sum(n * n for n in range(10))})"
        )
        print("computed by another process:", pid != victim)
        story = client.story(total.key, *(f.key for f in squares))
        starts, ends = moves(story, total.key, "processing"), moves(story, total.key, "memory")
        print(f"slow_sum was sent to a worker {starts} times and finished {ends} time")
        runs = sum(moves(story, f.key, "memory") for f in squares)
        print(f"square ran {runs} times for 10 squares: {runs - 10} recomputed")
        client.wait_for_workers(2, timeout=30)
        print("workers:", len(client.scheduler_info()["workers"]), "(the nanny started a new one)")
