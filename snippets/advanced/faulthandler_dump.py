# /// script
# [tool.guide]
# varies = "the thread identifiers and the standard library's line numbers"
# check = "property"
# ///
"""A thread dump on demand: `kill -USR1 <pid>` makes faulthandler print where every thread is."""

import faulthandler
import os
import signal
import threading
import time


def wait_for_reply(reply: threading.Event) -> None:
    reply.wait()  # stuck: nobody answers


def crunch(stop: threading.Event) -> None:
    while not stop.is_set():
        sum(range(1_000))


if __name__ == "__main__":
    # Once at start-up. The handler needs no lock and allocates nothing: it works on a stuck process.
    faulthandler.register(signal.SIGUSR1, all_threads=True)
    reply, stop = threading.Event(), threading.Event()
    threading.Thread(target=wait_for_reply, args=(reply,), name="waiter", daemon=True).start()
    threading.Thread(target=crunch, args=(stop,), name="cruncher").start()
    time.sleep(0.05)
    os.kill(os.getpid(), signal.SIGUSR1)  # what `kill -USR1 <pid>` does from another terminal
    time.sleep(0.05)
    stop.set()
    reply.set()
