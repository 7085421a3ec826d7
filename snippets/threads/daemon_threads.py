"""A daemon thread does not keep the program alive: at exit it is stopped where it stands."""

import atexit
import threading
import time


def heartbeat(stop: threading.Event) -> None:
    try:
        while not stop.wait(0.01):  # loops until someone sets `stop`; nobody will
            pass
    finally:
        print("heartbeat: cleaning up")  # never printed: daemon threads get no clean-up


def write_report() -> None:
    time.sleep(0.05)
    print("report (non-daemon): written")


if __name__ == "__main__":
    pulse = threading.Thread(
        target=heartbeat, args=(threading.Event(),), name="heartbeat", daemon=True
    )
    report = threading.Thread(target=write_report, name="report")
    pulse.start()
    report.start()
    atexit.register(lambda: print(f"at exit: heartbeat still alive = {pulse.is_alive()}"))
    print("main: end of the script; Python now waits for non-daemon threads only")
