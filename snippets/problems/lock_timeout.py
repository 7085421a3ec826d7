# /// script
# [tool.guide]
# varies = "how long each thread backs off, and so which one gets through first"
# check = "property"
# ///
"""Timeouts break the wait: a thread that cannot get its second lock lets go and retries."""

import random
import threading
import time

locks = {"X": threading.Lock(), "Y": threading.Lock()}
both_hold_one = threading.Barrier(2)
print_lock = threading.Lock()


def say(text: str) -> None:
    with print_lock:  # print() writes the text and the newline separately
        print(text)


def transfer(name: str, first: str, second: str) -> None:
    for attempt in range(1, 11):
        with locks[first]:
            if attempt == 1:
                both_hold_one.wait()  # the first attempt collides for certain
            if locks[second].acquire(timeout=0.1):  # wait at most 0.1 s
                try:
                    say(f"{name}: got {first} and {second} on attempt {attempt}")
                    return
                finally:
                    locks[second].release()
            say(f"{name}: no {second} after 0.1 s, releases {first} and backs off")
        time.sleep(random.uniform(0.0, 0.05))  # a random pause, so the retries do not collide
    say(f"{name}: gave up")


if __name__ == "__main__":
    threads = [
        threading.Thread(target=transfer, args=("A", "X", "Y")),
        threading.Thread(target=transfer, args=("B", "Y", "X")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
