"""An uncaught Ctrl-C ends the main thread, but Python still waits for the other threads."""

import signal
import subprocess
import sys
import time

# The program we interrupt: a non-daemon worker that nobody ever tells to stop.
CHILD = """
import threading, time
def work():
    while True:
        time.sleep(0.01)
threading.Thread(target=work).start()
print("child: worker started", flush=True)
time.sleep(60)  # the main thread's own work
"""


def still_running(child: subprocess.Popen, seconds: float) -> bool:
    try:
        child.wait(timeout=seconds)
        return False
    except subprocess.TimeoutExpired:
        return True


if __name__ == "__main__":
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    print(child.stdout.readline().strip())
    time.sleep(0.2)  # let it reach its sleep: a signal just before a blocking call can wait
    child.send_signal(signal.SIGINT)  # the first Ctrl-C
    errors = ""
    while not errors.endswith("\nKeyboardInterrupt\n"):  # its traceback, printed in full
        errors += child.stderr.readline()
    print(
        "the main thread's traceback is printed; 0.5 s later the child is still running:",
        still_running(child, 0.5),
    )
    child.send_signal(signal.SIGINT)  # the second Ctrl-C
    print("after the second Ctrl-C, still running:", still_running(child, 10))
    errors += child.stderr.read()
    print("KeyboardInterrupt tracebacks printed:", errors.count("\nKeyboardInterrupt"))
    print("the second one interrupted threading._shutdown():", "in _shutdown" in errors)
    print(f"exit code: {child.returncode} (killed by {signal.Signals(-child.returncode).name})")
