"""A Semaphore lets at most N threads into a section at once: here, a pool of 3 connections."""

import threading
import time

POOL_SIZE, JOBS = 3, 8
connections = threading.Semaphore(POOL_SIZE)
counter_lock = threading.Lock()
in_use = peak = 0


def query(job: int) -> None:
    global in_use, peak
    with connections:  # blocks while all three are taken
        with counter_lock:
            in_use += 1
            peak = max(peak, in_use)
        time.sleep(0.05)  # the query itself
        with counter_lock:
            in_use -= 1


if __name__ == "__main__":
    threads = [threading.Thread(target=query, args=(job,)) for job in range(JOBS)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    print(f"{JOBS} jobs, {POOL_SIZE} connections: at most {peak} in use at once")
    print(f"they ran in {-(-JOBS // POOL_SIZE)} waves: {elapsed >= 0.15}")
