# /// script
# [tool.guide]
# varies = "the thread identifiers in the dump"
# check = "property"
# ///
"""A watchdog for a hung test: faulthandler dumps every thread's stack, then ends the process."""

import faulthandler
import threading


def transfer(source: threading.Lock, target: threading.Lock, ready: threading.Barrier) -> None:
    with source:
        ready.wait()  # both threads now hold their first lock...
        with target:  # ...and each waits for the other's: a deadlock
            pass


def test_transfers_in_both_directions() -> None:
    a, b = threading.Lock(), threading.Lock()
    ready = threading.Barrier(2)
    threads = [
        threading.Thread(target=transfer, args=(a, b, ready), name="a-to-b", daemon=True),
        threading.Thread(target=transfer, args=(b, a, ready), name="b-to-a", daemon=True),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()  # no timeout here: without the watchdog this would hang forever


if __name__ == "__main__":
    # If the test is not done in 0.5 s: print every thread's traceback and exit with status 1.
    faulthandler.dump_traceback_later(0.5, exit=True)
    print("running test_transfers_in_both_directions", flush=True)
    test_transfers_in_both_directions()
    faulthandler.cancel_dump_traceback_later()
    print("passed")
