# /// script
# requires-python = ">=3.14"
# [tool.guide]
# varies = "the time it took to stop"
# check = "property"
# ///
"""Python 3.14: on Ctrl-C, stop a ProcessPoolExecutor's workers at once with terminate_workers()."""

import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor


def long_job(n: int) -> int:
    time.sleep(30)  # stands for minutes of computation
    return n


def outcome(future) -> str:
    if future.cancelled():
        return "cancelled"
    return type(future.exception()).__name__


if __name__ == "__main__":
    pool = ProcessPoolExecutor(max_workers=2)
    futures = [pool.submit(long_job, n) for n in range(6)]
    threading.Timer(1.0, os.kill, (os.getpid(), signal.SIGINT)).start()  # Ctrl-C
    started = time.monotonic()
    try:
        for future in futures:
            print("result:", future.result())
    except KeyboardInterrupt:
        print("KeyboardInterrupt; shutdown(wait=True) would wait for the running jobs")
        workers = multiprocessing.active_children()
        pool.terminate_workers()  # SIGTERM to each worker; kill_workers() sends SIGKILL
        for worker in workers:
            worker.join(timeout=5)
        print(
            f"{len(workers)} workers terminated, all ended: {not any(w.is_alive() for w in workers)}"
        )
    jobs: dict[str, list[int]] = {}
    for n, future in enumerate(futures):
        jobs.setdefault(outcome(future), []).append(n)
    for what, numbers in jobs.items():
        print(f"{what}: jobs {numbers}")
    print(f"stopped {time.monotonic() - started:.1f} s after the first result() call")
