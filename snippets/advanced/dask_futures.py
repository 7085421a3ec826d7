# /// script
# dependencies = ["dask[distributed]"]
# [tool.guide]
# timeout = 120
# ///
"""Futures on a Dask cluster: submit, pass futures into other tasks, gather, and a remote error."""

import logging
import time

from dask.distributed import Client, LocalCluster


def load(name: str) -> list[int]:
    time.sleep(0.5)  # stands for reading a file or querying a database
    return [len(name) * n for n in range(1, 6)]


def combine(left: list[int], right: list[int]) -> int:
    return sum(left) + sum(right)


def ratio(total: int, parts: int) -> float:
    return total / parts


if __name__ == "__main__":
    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.CRITICAL,
        ) as cluster,
        Client(cluster) as client,
    ):
        left = client.submit(load, "users")  # returns at once: a Future, not the value
        right = client.submit(load, "orders")
        print("just submitted:", left.status, right.status)
        # Futures as arguments: combine runs once both are done, on a worker, and the
        # lists go from worker to worker, never through this process.
        both = client.submit(combine, left, right)
        print("combined:", both.result())  # blocks until the value is back here
        print("after result():", left.status, right.status, both.status)
        print("gather:", client.gather([left, right]))

        broken = client.submit(ratio, both, 0)  # fails in a worker process...
        try:
            broken.result()  # ...and the error is raised again here
        except ZeroDivisionError as error:
            print(f"status {broken.status!r}, raised here: ZeroDivisionError: {error}")
