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


def report(label: str, code: int) -> None:
    if code < 0:
        meaning = f"killed by {signal.Signals(-code).name}"
    else:
        meaning = "success" if code == 0 else "failure"
    print(f"{label:<16} exitcode {code:>3}  {meaning}")


if __name__ == "__main__":
    for target in (finish_normally, exit_with_status, raise_error):
        process = multiprocessing.Process(target=target)
        process.start()
        process.join()
        report(target.__name__, process.exitcode)

    for stop in ("terminate", "kill"):
        process = multiprocessing.Process(target=sleep_a_minute)
        process.start()
        getattr(process, stop)()  # process.terminate() or process.kill()
        process.join()
        report(f"{stop}()", process.exitcode)
