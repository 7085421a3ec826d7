"""A daemon child is terminated when its parent exits; a normal child is waited for."""

import multiprocessing
import signal
import sys
import time


def on_sigterm(signum: int, frame: object) -> None:
    print("daemon: SIGTERM from the exiting parent, stopping")
    sys.exit(0)


def background_service(ready: multiprocessing.Event) -> None:
    signal.signal(signal.SIGTERM, on_sigterm)
    print("daemon: started, meant to run for a minute")
    ready.set()
    time.sleep(60)
    print("daemon: never printed")


def batch_job() -> None:
    time.sleep(0.5)
    print("worker: finished its job")


if __name__ == "__main__":
    ready = multiprocessing.Event()
    daemon = multiprocessing.Process(target=background_service, args=(ready,), daemon=True)
    worker = multiprocessing.Process(target=batch_job)
    daemon.start()
    worker.start()
    ready.wait()
    print("main: returning without join(); multiprocessing cleans up at exit")
    # At exit, multiprocessing terminates daemon children, then joins the others.
