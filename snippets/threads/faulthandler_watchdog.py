# /// script
# [tool.guide]
# varies = "the thread ids (hexadecimal addresses) and the line numbers inside threading.py"
# check = "property"
# ///
"""A hang detector: dump_traceback_later prints every stack if the program is still waiting."""

import faulthandler
import sys
import threading
import time


def slow_shutdown() -> None:
    time.sleep(0.3)  # longer than we are prepared to wait without a clue


if __name__ == "__main__":
    faulthandler.dump_traceback_later(0.1, exit=False, file=sys.stdout)  # arm the watchdog
    worker = threading.Thread(target=slow_shutdown, name="slow-shutdown")
    worker.start()
    worker.join()  # still waiting after 0.1 s: the watchdog prints every stack
    faulthandler.cancel_dump_traceback_later()  # disarm it once past the risky part
    print("joined at last; the dump above shows who we waited for")
