# /// script
# dependencies = ["reactivex"]
# [tool.guide]
# varies = "the time taken, and how many of the three threads the pool started"
# check = "property"
# ///
"""Schedulers decide where the work runs: a ThreadPoolScheduler for blocking calls."""

import threading
import time

import reactivex
from reactivex import operators as ops
from reactivex.scheduler import ThreadPoolScheduler

pool = ThreadPoolScheduler(3)  # at most three worker threads
threads_used: set[str] = set()


def lookup(city: str) -> tuple[str, int]:
    threads_used.add(threading.current_thread().name)
    time.sleep(0.1)  # a blocking call: a database, a web service
    return city, len(city)


if __name__ == "__main__":
    cities = ["Oslo", "Lima", "Quito", "Hanoi", "Accra", "Perth"]
    start = time.perf_counter()
    results = (
        reactivex.from_iterable(cities)
        .pipe(
            # each lookup is its own small observable, subscribed to on the pool
            ops.flat_map(lambda city: reactivex.start(lambda: lookup(city), scheduler=pool)),
            ops.to_list(),  # results arrive in whatever order the lookups finish
        )
        .run()
    )  # block this thread until the stream completes, return its last value
    elapsed = time.perf_counter() - start

    print("results, sorted:", sorted(results))
    print("lookups ran on the main thread:", threading.current_thread().name in threads_used)
    print("worker threads used:", len(threads_used), "(at most 3)")
    print(f"six 0.1 s lookups took {elapsed:.2f} s (one after another: at least 0.6 s)")
