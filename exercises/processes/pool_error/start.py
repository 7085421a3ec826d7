"""Twenty jobs on a process pool; job 1 fails at once, and the pool runs all the rest anyway."""

import time
from concurrent.futures import ProcessPoolExecutor

JOBS = 20


def job(n: int) -> int:
    if n == 1:
        raise ValueError(f"job {n}: bad input")
    time.sleep(0.2)  # a slow computation
    return n * n


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(job, n) for n in range(JOBS)]
        try:
            for future in futures:
                future.result()
        except ValueError as error:
            print(f"main: {error}; giving up")
    # Leaving the with block waits for every job that has not been cancelled.
    ran = sum(not future.cancelled() for future in futures)
    print(f"jobs that ran: {ran} of {JOBS}")
