# /// script
# [tool.guide]
# varies = "how many passes over the live dict were cut short"
# check = "property"
# ///
"""Iterating a dict that another thread changes fails; iterating a copy taken in one step does not."""

import threading
import time

PASSES = 30


def iterate_live(sessions: dict) -> int:
    for _ in sessions:  # Python code runs between items: other threads may change the dict
        time.sleep(0)
    return len(sessions)


def iterate_copy(sessions: dict) -> int:
    snapshot = sessions.copy()  # one call into C: atomic under the GIL, locked without it
    for _ in snapshot:
        time.sleep(0)
    return len(snapshot)


def failures(iterate) -> list[str]:
    sessions = {n: f"user-{n}" for n in range(100)}
    stop = threading.Event()

    def churn() -> None:  # sessions come and go
        n = 100
        while not stop.is_set():
            sessions[n] = f"user-{n}"
            sessions.pop(n - 100, None)
            n += 1
            time.sleep(0)

    thread = threading.Thread(target=churn)
    thread.start()
    errors = []
    for _ in range(PASSES):
        try:
            iterate(sessions)
        except RuntimeError as error:  # the dict changed size, or its keys, during iteration
            errors.append(str(error))
    stop.set()
    thread.join()
    return errors


if __name__ == "__main__":
    for iterate in (iterate_live, iterate_copy):
        errors = failures(iterate)
        print(f"{iterate.__name__}: {len(errors)} of {PASSES} passes failed")
        for message in sorted(set(errors)):
            print(f"    RuntimeError: {message}")
