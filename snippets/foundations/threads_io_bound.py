# /// script
# [tool.guide]
# retries = 4  # the check compares measured times, which a briefly busy machine upsets
# varies = "the times by a few milliseconds; in turn the downloads take the sum of the waits, in threads the longest wait"
# check = "property"
# ///
"""Threads overlap blocking waits: a thread that waits lets the others run."""

import time
from concurrent.futures import ThreadPoolExecutor

DOWNLOADS = {"index.html": 0.3, "style.css": 0.2, "logo.png": 0.25}


def download(name: str) -> str:
    time.sleep(DOWNLOADS[name])  # blocks like a socket read, and releases the GIL
    return name


def timed(label: str, fetch_all) -> float:
    start = time.perf_counter()
    names = fetch_all()
    elapsed = time.perf_counter() - start
    print(f"{label:<18} {elapsed:.2f} s  {names}")
    return elapsed


def in_turn() -> list[str]:
    return [download(name) for name in DOWNLOADS]


def in_threads() -> list[str]:
    with ThreadPoolExecutor(max_workers=len(DOWNLOADS)) as pool:
        return list(pool.map(download, DOWNLOADS))  # results come back in input order


if __name__ == "__main__":
    sequential = timed("one after another", in_turn)
    threaded = timed("three threads", in_threads)
    print(f"speed-up: {sequential / threaded:.1f}x (the waits overlap)")
