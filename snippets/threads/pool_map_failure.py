"""When a map() call fails, the iterator cancels every call that has not started yet."""

import threading
from concurrent.futures import ThreadPoolExecutor

JOBS = 10
started = [threading.Event() for _ in range(JOBS)]
release = threading.Event()
finished: list[int] = []


def job(n: int) -> int:
    started[n].set()
    if n == 1:
        raise ValueError(f"job {n} failed")
    if n >= 2:
        release.wait()  # jobs 2 and up hold their worker until the caller lets them go
    finished.append(n)
    return n


if __name__ == "__main__":
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = pool.map(job, range(JOBS))  # submits all ten calls at once
        started[2].wait()  # both workers are now busy, with jobs 2 and 3
        started[3].wait()
        try:
            for value in results:
                print("map gave", value)
        except ValueError as error:
            print("map raised:", error)
        release.set()
    print("calls that ran to the end:", sorted(finished))
    print("calls that never started: ", [n for n in range(JOBS) if not started[n].is_set()])
