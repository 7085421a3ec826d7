# /// script
# [tool.guide]
# varies = "the process id in the warning; Python 3.11 gives no warning, 3.12 and later do"
# check = "property"
# ///
"""Since Python 3.12, forking a process that runs several threads raises a DeprecationWarning."""

import multiprocessing
import os
import sys
import threading
import warnings


def child() -> None:
    pass


if __name__ == "__main__":
    stop = threading.Event()
    helper = threading.Thread(target=stop.wait)  # a second thread, alive during the fork
    helper.start()
    version = "{}.{}".format(*sys.version_info)
    threads = threading.active_count()
    print(f"Python {version}, pid {os.getpid()}: forking with {threads} threads running")

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        process = multiprocessing.get_context("fork").Process(target=child)
        process.start()
        process.join()

    stop.set()
    helper.join()
    for warning in caught:
        print(f"{warning.category.__name__}: {warning.message}")
    if not caught:
        print("no warning")
