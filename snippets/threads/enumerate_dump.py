"""threading.enumerate() lists the live threads: good names make the list readable."""

import threading
from concurrent.futures import ThreadPoolExecutor


def show(title: str) -> None:
    print(f"{title}: {threading.active_count()} alive")
    for thread in threading.enumerate():  # a snapshot of the threads alive right now
        kind = "daemon" if thread.daemon else "normal"
        print(f"  {thread.name:18} {kind}")


if __name__ == "__main__":
    stop = threading.Event()
    watcher = threading.Thread(target=stop.wait, name="config-watcher", daemon=True)
    watcher.start()
    alarm = threading.Timer(10, print, args=["never printed"])  # cancelled below
    alarm.name = "alarm-timer"
    alarm.start()
    pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="image-pool")
    for _ in range(2):
        pool.submit(stop.wait)  # occupies both workers until stop is set

    show("while busy")
    stop.set()
    alarm.cancel()
    pool.shutdown(wait=True)
    for thread in (watcher, alarm):
        thread.join()
    show("after shutdown")
