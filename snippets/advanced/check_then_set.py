# /// script
# [tool.guide]
# varies = "how many threads the check-then-set version lets through"
# check = "property"
# ///
"""Check-then-set on a dict lets many threads in; setdefault keeps one value; a lock opens one."""

import threading
import time

THREADS = 8


opened: list = []  # list.append is atomic: a safe way to count from many threads


class Connection:
    def __init__(self) -> None:
        time.sleep(0.001)  # opening a connection takes a while
        opened.append(self)


def check_then_set(pool: dict) -> Connection:
    if "db" not in pool:  # every thread may pass this test before any of them stores
        pool["db"] = Connection()
    return pool["db"]


def set_default(pool: dict) -> Connection:
    # setdefault tests and stores in one step: the first value stored is the one all get back.
    return pool.get("db") or pool.setdefault("db", Connection())


pool_lock = threading.Lock()


def locked(pool: dict) -> Connection:
    with pool_lock:  # check and create as one step: only one connection is ever opened
        if "db" not in pool:
            pool["db"] = Connection()
        return pool["db"]


def run(get_connection) -> tuple[int, int]:
    pool: dict = {}
    used: list[Connection] = []
    start = threading.Barrier(THREADS)  # release every thread at the same moment

    def worker() -> None:
        start.wait()
        used.append(get_connection(pool))

    opened.clear()
    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(opened), len({id(c) for c in used})


if __name__ == "__main__":
    print(f"{THREADS} threads ask for the shared connection at the same moment")
    for get_connection in (check_then_set, set_default, locked):
        made, distinct = run(get_connection)
        print(f"{get_connection.__name__:<15} opened {made}, distinct ones in use: {distinct}")
