"""initializer= runs once in each new pool thread: the place to build per-thread resources."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

local = threading.local()
opened: list[str] = []


def open_connection(database: str) -> None:
    local.conn = f"{database}@{threading.current_thread().name}"
    opened.append(local.conn)


def query(n: int) -> str:
    time.sleep(0.02)
    return local.conn  # the connection of whichever thread runs this call


if __name__ == "__main__":
    with ThreadPoolExecutor(
        max_workers=2,
        thread_name_prefix="db",
        initializer=open_connection,
        initargs=("orders",),
    ) as pool:
        used = list(pool.map(query, range(8)))

    print("connections opened:", sorted(opened))
    print("8 queries used only those:", set(used) == set(opened))
