# /// script
# dependencies = ["dask[distributed]"]
# [tool.guide]
# varies = "the order in which the jobs finish after the first"
# check = "property"
# timeout = 120
# ///
"""as_completed hands back each future as soon as it finishes, whatever the order of submission."""

import logging
import time

from dask.distributed import Client, LocalCluster, as_completed


def job(name: str, seconds: float) -> str:
    time.sleep(seconds)  # stands for work of uneven length
    return name


if __name__ == "__main__":
    jobs = {"slow": 1.2, "quick": 0.1, "medium": 0.4, "short": 0.2}
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
        print("submitted in this order:", ", ".join(jobs))
        started = time.perf_counter()
        futures = [client.submit(job, name, s) for name, s in jobs.items()]
        finished = as_completed(futures, with_results=True)
        for n, (_, name) in enumerate(finished, start=1):
            print(f"  {n}. {name:<9} back after {time.perf_counter() - started:.1f} s")
            if name == "quick":  # a finished job may ask for more work: add it to the stream
                finished.add(client.submit(job, "follow-up", 0.1))
