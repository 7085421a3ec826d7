# /// script
# [tool.guide]
# varies = "how many tries A needs once B is through (almost always two)"
# check = "property"
# ///
"""Timeouts break the wait: the thread with the shorter timeout lets go, the other gets through."""

import threading
import time

locks = {"X": threading.Lock(), "Y": threading.Lock()}
both_hold_one = threading.Barrier(2)
print_lock = threading.Lock()


def say(text: str) -> None:
    with print_lock:  # print() writes the text and the newline separately
        print(text)


def transfer(name: str, first: str, second: str, patience: float) -> None:
    for attempt in range(1, 11):
        with locks[first]:
            if attempt == 1:
                both_hold_one.wait()  # the first attempt collides for certain
            if locks[second].acquire(timeout=patience):
                try:
                    say(f"{name}: got {first} and {second} on attempt {attempt}")
                    return
                finally:
                    locks[second].release()
            say(f"{name}: no {second} after {patience} s, releases {first} and backs off")
        time.sleep(0.05)  # a pause, so the waiting thread can take the lock just released
    say(f"{name}: gave up")


if __name__ == "__main__":
    threads = [
        threading.Thread(target=transfer, args=("A", "X", "Y", 0.1)),  # gives up soon
        threading.Thread(target=transfer, args=("B", "Y", "X", 2.0)),  # waits longer
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
