# /// script
# [tool.guide]
# varies = "the thread ids (hexadecimal addresses) and the line numbers inside threading.py"
# check = "property"
# ///
"""A hang detector: dump_traceback_later prints every stack if the program is still waiting."""

import faulthandler
import os
import tempfile
import threading
import time


def slow_shutdown(log) -> None:
    # Longer than we are prepared to wait without a clue: here, until the watchdog has
    # written its dump, so that the demo shows one however slow the machine is.
    while os.fstat(log.fileno()).st_size == 0:
        time.sleep(0.05)


if __name__ == "__main__":
    with tempfile.TemporaryFile("w+") as log:  # faulthandler writes to a file's descriptor
        faulthandler.dump_traceback_later(0.1, exit=False, file=log)  # arm the watchdog
        worker = threading.Thread(target=slow_shutdown, args=(log,), name="slow-shutdown")
        worker.start()
        worker.join()  # still waiting after 0.1 s: the watchdog writes every stack
        faulthandler.cancel_dump_traceback_later()  # disarm it once past the risky part
        log.seek(0)
        print(log.read(), end="")
    print("joined at last; the dump above shows who we waited for")
