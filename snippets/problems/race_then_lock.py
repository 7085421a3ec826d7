# /// script
# [tool.guide]
# varies = "how the racing threads interleave, and so how many of their updates are lost"
# check = "property"
# ///
"""The same two threads, twice: racing for a counter, then taking turns with a lock."""

import contextlib
import threading
import time

counter = 0


def add_three(name: str, guard) -> None:
    global counter
    for _ in range(3):
        with guard:
            current = counter  # read
            time.sleep(0.01)  # a pause before the write: the other thread may run now
            counter = current + 1  # write back what was read, plus one
            print(f"  {name} read {current}, wrote {current + 1}\n", end="")  # one write


def count_with(guard, label: str) -> None:
    global counter
    counter = 0
    adders = [
        threading.Thread(target=add_three, args=(name, guard), name=f"{name} ({label})")
        for name in "AB"
    ]
    for adder in adders:
        adder.start()
    for adder in adders:
        adder.join()
    print(f"  6 increments, counter = {counter}: {6 - counter} lost")


if __name__ == "__main__":
    print("Without a lock:")
    count_with(contextlib.nullcontext(), "no lock")  # a guard that guards nothing
    print("With a lock:")
    count_with(threading.Lock(), "lock")  # one thread at a time from read to write
