"""join(timeout=...) returns when the time is up even if the thread is still running."""

import threading
import time


def slow_report() -> None:
    time.sleep(0.2)


if __name__ == "__main__":
    worker = threading.Thread(target=slow_report, name="slow-report")
    worker.start()

    result = worker.join(timeout=0.05)  # always returns None: ask is_alive() what happened
    print(f"join(timeout=0.05) returned {result}; still alive: {worker.is_alive()}")

    worker.join()  # no timeout: wait as long as it takes
    print(f"join() returned; still alive: {worker.is_alive()}")
