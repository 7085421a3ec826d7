"""Twenty jobs on a process pool; at the first failure the jobs not yet started are cancelled."""

import time
from concurrent.futures import FIRST_EXCEPTION, ProcessPoolExecutor, wait

JOBS = 20


def job(n: int) -> int:
    if n == 1:
        raise ValueError(f"job {n}: bad input")
    time.sleep(0.2)  # a slow computation
    return n * n


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(job, n) for n in range(JOBS)]
        # Wake at the first failure, not after the jobs submitted before it.
        done, _ = wait(futures, return_when=FIRST_EXCEPTION)
        failed = [future for future in done if future.exception() is not None]
        if failed:
            print(f"main: {failed[0].exception()}; giving up")
            # Python 3.9+: cancel every job still waiting; the running ones finish.
            pool.shutdown(wait=True, cancel_futures=True)
    ran = sum(not future.cancelled() for future in futures)
    print(f"jobs that ran: {ran} of {JOBS}")
