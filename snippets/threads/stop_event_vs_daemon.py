# /// script
# [tool.guide]
# varies = "how many items the saver wrote before the signal"
# check = "property"
# ///
"""Turn Ctrl-C into a stop Event: workers finish their item and clean up; daemons are cut off."""

import atexit
import os
import signal
import threading
import time


def saver(stop: threading.Event, saved: list[int]) -> None:
    item = 0
    while not stop.is_set():  # checked between items, never in the middle of one
        time.sleep(0.02)  # stands for writing one item
        item += 1
        saved.append(item)
    print(f"saver: stop seen after item {item}; closing the file")


def heartbeat() -> None:
    try:
        while True:
            time.sleep(0.02)
    finally:
        print("heartbeat: cleaning up")  # never printed: a daemon is simply abandoned


if __name__ == "__main__":
    stop = threading.Event()
    saved: list[int] = []
    # SIGINT no longer raises KeyboardInterrupt: the handler (run by the main thread)
    # sets the event, and the join() it interrupted carries on waiting.
    signal.signal(signal.SIGINT, lambda signum, frame: stop.set())
    worker = threading.Thread(target=saver, args=(stop, saved))
    daemon = threading.Thread(target=heartbeat, daemon=True)
    worker.start()
    daemon.start()
    atexit.register(lambda: print(f"at exit: daemon still alive = {daemon.is_alive()}"))
    threading.Timer(0.1, os.kill, (os.getpid(), signal.SIGINT)).start()  # Ctrl-C
    worker.join()
    whole = saved == list(range(1, len(saved) + 1))
    print(f"main: the saver has ended, stop set = {stop.is_set()}, whole items only = {whole}")
