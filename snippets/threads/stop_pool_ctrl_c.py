# /// script
# [tool.guide]
# varies = "the times, and how many jobs had started when Ctrl-C came"
# check = "property"
# ///
"""Ctrl-C in a `with ThreadPoolExecutor` block still waits for every queued job."""

import os
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor, wait

JOBS = 12


def job(n: int, ran: list[int]) -> None:
    time.sleep(0.05)
    ran.append(n)


def run(cancel: bool) -> None:
    ran: list[int] = []
    started = time.monotonic()
    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            futures = [pool.submit(job, n, ran) for n in range(JOBS)]
            threading.Timer(0.08, os.kill, (os.getpid(), signal.SIGINT)).start()  # Ctrl-C
            try:
                wait(futures)
            except KeyboardInterrupt:
                if cancel:  # drop what has not started; the two running jobs finish
                    pool.shutdown(wait=True, cancel_futures=True)
                raise  # leaving the block calls shutdown(wait=True)
    except KeyboardInterrupt:
        took = time.monotonic() - started
        cancelled = sum(f.cancelled() for f in futures)
        label = "cancel_futures=True" if cancel else "plain with block"
        print(
            f"{label:<19}: {len(ran):2} of {JOBS} jobs ran, {cancelled:2} cancelled, {took:.2f} s"
        )


if __name__ == "__main__":
    run(cancel=False)
    run(cancel=True)
