# /// script
# dependencies = ["dask[distributed]"]
# [tool.guide]
# timeout = 120
# ///
"""A word count on Dask's distributed scheduler: two worker processes on this machine."""

import logging
import random
from collections import Counter

from dask.distributed import Client, LocalCluster

WORDS = "the a queue lock thread task loop worker future result".split()


def make_chunk(seed: int) -> str:
    """Stands for reading one file of a data set: made where it is used, never shipped."""
    rng = random.Random(seed)
    return " ".join(rng.choices(WORDS, weights=range(len(WORDS), 0, -1), k=50_000))


def count(text: str) -> Counter:
    return Counter(text.split())


def merge(counts: list[Counter]) -> Counter:
    return sum(counts, Counter())


if __name__ == "__main__":
    with (
        LocalCluster(
            n_workers=2,  # two worker processes...
            threads_per_worker=1,  # ...that run one task at a time each
            processes=True,
            dashboard_address=None,  # no web dashboard, no port to bind
            silence_logs=logging.CRITICAL,  # its log lines would go to stderr
        ) as cluster,
        Client(cluster) as client,
    ):
        chunks = client.map(make_chunk, range(8))  # futures: the texts stay on the workers
        counts = client.map(count, chunks)  # each count runs where its chunk is
        total = client.submit(merge, counts).result()  # only the merged Counter comes back
        print("workers:", len(client.scheduler_info()["workers"]))
    print(f"{total.total():,} words in 8 chunks; the five most common:")
    for word, n in total.most_common(5):
        print(f"  {word:<8}{n:>8,}")
    assert total == merge([count(make_chunk(seed)) for seed in range(8)])  # same as one process
