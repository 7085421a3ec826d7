# /// script
# dependencies = ["dask[distributed]"]
# [tool.guide]
# timeout = 120
# ///
"""A task that fails now and then: the scheduler runs it again, up to `retries` more times."""

import logging

from dask.distributed import Client, LocalCluster, Variable


def flaky_fetch(name: str, failures: int) -> str:
    """Fails its first `failures` attempts, as a call to an overloaded service might."""
    attempts = Variable(name)  # lives in the scheduler, seen by every worker
    attempt = attempts.get() + 1
    attempts.set(attempt)
    if attempt <= failures:
        raise ConnectionError(f"attempt {attempt}: service unavailable")
    return f"{name}: answered at attempt {attempt}"


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
        for name, failures, retries in (("A", 2, 3), ("B", 2, 1)):
            Variable(name).set(0)
            future = client.submit(flaky_fetch, name, failures, retries=retries)
            try:
                print(f"retries={retries}:", future.result())
            except ConnectionError as error:
                print(f"retries={retries}: {name} gave up: ConnectionError: {error}")
