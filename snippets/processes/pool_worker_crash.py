# /// script
# [tool.guide]
# varies = "the worker's process ID; before Python 3.15 the error names no process and has no cause"
# check = "property"
# ///
"""Which worker died, and how? Python 3.15's BrokenProcessPool says: the cause names PID and exit code."""

import os
import signal
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool


def crash(how: str) -> None:
    if how == "os._exit(3)":
        os._exit(3)  # ends the process at once: no exception, no clean-up
    os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer would


if __name__ == "__main__":
    for how in ("os._exit(3)", "SIGKILL"):
        with ProcessPoolExecutor(max_workers=1) as pool:
            worker = pool.submit(os.getpid).result()
            try:
                pool.submit(crash, how).result()
            except BrokenProcessPool as error:
                print(f"worker {worker} ended by {how}:")
                print(f"  BrokenProcessPool: {error}")
                cause = error.__cause__
                if cause is None:
                    print("  __cause__: None (this Python does not say which worker died)")
                else:
                    text = str(cause).strip().strip("'").strip()  # a remote traceback, in quotes
                    print(f"  __cause__: {type(cause).__name__}: {text}")
