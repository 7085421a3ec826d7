# /// script
# [tool.guide]
# varies = "what is_alive() says after the interrupted join: False before 3.13"
# check = "property"
# ///
"""Ctrl-C reaches the main thread even while it is blocked in join(), get() or result()."""

import os
import queue
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor


def press_ctrl_c_in(seconds: float) -> None:
    """Send this process a real SIGINT, as the terminal does on Ctrl-C."""
    threading.Timer(seconds, os.kill, (os.getpid(), signal.SIGINT)).start()


def interrupt(what: str, blocking_call) -> None:
    press_ctrl_c_in(0.1)
    started = time.monotonic()
    try:
        blocking_call()
        print(f"{what:<16} returned: no KeyboardInterrupt")
    except KeyboardInterrupt:
        prompt = time.monotonic() - started < 1
        print(f"{what:<16} KeyboardInterrupt, within a second of the signal: {prompt}")


def work(stop: threading.Event, finished: list[str]) -> None:
    stop.wait()  # stands for a long job
    finished.append("done")


if __name__ == "__main__":
    stop = threading.Event()  # every worker below waits for it; set at the end
    finished: list[str] = []
    worker = threading.Thread(target=work, args=(stop, finished))
    worker.start()
    interrupt("thread.join()", worker.join)
    print(f"  worker finished: {bool(finished)}; is_alive() says {worker.is_alive()}")

    interrupt("queue.get()", queue.Queue().get)

    with ThreadPoolExecutor(max_workers=1) as pool:
        future = pool.submit(stop.wait)
        interrupt("future.result()", future.result)
        print(f"  the job is still running: {future.running()}")
        stop.set()  # now let every worker finish, or the program could not end
    worker.join()
    print("every wait was interrupted; the workers ran on until told to stop")
