"""Only futures still waiting in the queue can be cancelled; running ones finish."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor


def job(n: int, started: threading.Event | None = None) -> int:
    if started:
        started.set()
    time.sleep(0.05)
    return n


if __name__ == "__main__":
    started = threading.Event()
    with ThreadPoolExecutor(max_workers=1) as pool:  # one worker: the others must queue
        running = pool.submit(job, 0, started)
        queued = [pool.submit(job, n) for n in (1, 2, 3)]
        started.wait()  # make sure job 0 is really running

        print("cancel running job 0 ->", running.cancel())
        print("cancel queued job 1  ->", queued[0].cancel())
        pool.shutdown(wait=True, cancel_futures=True)  # cancel every job not yet started

    print("job 0:", running.result())
    for n, future in enumerate(queued, start=1):
        print(f"job {n}: cancelled={future.cancelled()}")
