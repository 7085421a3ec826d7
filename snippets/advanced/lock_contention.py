# /// script
# [tool.guide]
# varies = "the times and the waits, by a few milliseconds"
# check = "property"
# ///
"""Contention measured: one global lock against 4 and 16 stripes, with slow work under the lock."""

import threading
import time

THREADS, UPDATES, KEYS = 8, 25, 64


class StripedDict:
    def __init__(self, stripes: int) -> None:
        self._shards: list[dict] = [{} for _ in range(stripes)]
        self._locks = [threading.Lock() for _ in range(stripes)]
        self.waited = [0.0] * stripes  # seconds spent waiting for each stripe's lock

    def update(self, key, change, default):
        i = hash(key) % len(self._shards)
        lock = self._locks[i]
        asked = time.perf_counter()
        lock.acquire()
        self.waited[i] += time.perf_counter() - asked  # safe: we hold the stripe's lock
        try:
            value = change(self._shards[i].get(key, default))
            self._shards[i][key] = value
            return value
        finally:
            lock.release()


def slow_increment(n: int) -> int:
    time.sleep(0.001)  # stands in for I/O done while holding the lock (a cache refill, a log write)
    return n + 1


def run(stripes: int) -> tuple[float, float]:
    table = StripedDict(stripes)

    def worker(first: int) -> None:
        for n in range(UPDATES):
            table.update((first * 7 + n) % KEYS, slow_increment, 0)

    threads = [threading.Thread(target=worker, args=(t,)) for t in range(THREADS)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    return elapsed, sum(table.waited) / (THREADS * UPDATES)


if __name__ == "__main__":
    print(f"{THREADS} threads x {UPDATES} updates over {KEYS} keys, 1 ms of work under the lock")
    print(f"{'stripes':>7}  {'total time':>10}  {'mean wait for the lock':>22}")
    for stripes in (1, 4, 16):
        elapsed, mean_wait = run(stripes)
        print(f"{stripes:>7}  {elapsed * 1000:>7.0f} ms  {mean_wait * 1000:>19.1f} ms")
