# /// script
# [tool.guide]
# varies = "the traceback the failing child prints (its frames differ between Python versions)"
# check = "property"
# ///
"""A child's exit code tells how it ended: 0, its sys.exit status, 1 after an error, -N by signal N."""

import multiprocessing
import signal
import sys
import time


def finish_normally() -> None:
    pass


def exit_with_status() -> None:
    sys.exit(3)


def raise_error() -> None:
    raise ValueError("bad input")  # the child prints the traceback to its stderr


def sleep_a_minute() -> None:
    time.sleep(60)


def describe(code: int) -> str:
    if code < 0:
        return f"killed by {signal.Signals(-code).name}"
    return "success" if code == 0 else "failure"


if __name__ == "__main__":
    for target in (finish_normally, exit_with_status, raise_error):
        process = multiprocessing.Process(target=target)
        process.start()
        process.join()
        print(f"{target.__name__:<16} exitcode {process.exitcode:>3}  {describe(process.exitcode)}")

    for stop in (multiprocessing.Process.terminate, multiprocessing.Process.kill):
        process = multiprocessing.Process(target=sleep_a_minute)
        process.start()
        stop(process)
        process.join()
        print(
            f"{stop.__name__ + '()':<16} exitcode {process.exitcode:>3}  {describe(process.exitcode)}"
        )
