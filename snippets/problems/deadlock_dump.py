# /// script
# [tool.guide]
# varies = "thread ids, and paths and line numbers inside the threading module"
# check = "property"
# ///
"""When a program hangs, faulthandler can print where every thread is waiting, then exit."""

import faulthandler
import threading

locks = {"X": threading.Lock(), "Y": threading.Lock()}
both_hold_one = threading.Barrier(2)


def transfer(first: str, second: str) -> None:
    with locks[first]:
        both_hold_one.wait()
        with locks[second]:  # both threads wait here for ever
            pass


if __name__ == "__main__":
    # a watchdog: if we are still here in 0.5 s, dump every thread's stack and exit(1)
    faulthandler.dump_traceback_later(0.5, exit=True)
    a = threading.Thread(target=transfer, args=("X", "Y"))
    b = threading.Thread(target=transfer, args=("Y", "X"))
    a.start()
    b.start()
    a.join()
    b.join()
    faulthandler.cancel_dump_traceback_later()  # never reached
