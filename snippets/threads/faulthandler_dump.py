# /// script
# [tool.guide]
# varies = "the thread ids (hexadecimal addresses) and the line numbers inside threading.py"
# check = "property"
# ///
"""faulthandler.dump_traceback prints where every thread is right now, straight to a file."""

import faulthandler
import sys
import threading

release = threading.Event()


def wait_for_orders() -> None:
    release.wait()  # parked here until main sets the event


def stuck_worker() -> None:
    wait_for_orders()


if __name__ == "__main__":
    workers = [threading.Thread(target=stuck_worker, name=f"worker-{i}") for i in range(2)]
    for worker in workers:
        worker.start()

    print("--- every thread's stack, innermost call first ---", flush=True)
    faulthandler.dump_traceback(file=sys.stdout, all_threads=True)  # writes to the file descriptor
    print("--- end of dump ---")

    release.set()
    for worker in workers:
        worker.join()
