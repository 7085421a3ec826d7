# /// script
# [tool.guide]
# varies = "the interleaving, and so which updates are lost"
# check = "property"
# ///
"""Two threads add 1 three times each, pausing between read and write: updates vanish."""

import threading
import time

counter = 0


def say(line: str) -> None:
    print(line + "\n", end="")  # one write: print() would write the newline separately


def add_three(name: str) -> None:
    global counter
    for _ in range(3):
        current = counter  # read
        say(f"{name} read {current}")
        time.sleep(0.01)  # the gap: the other thread runs meanwhile
        counter = current + 1  # write back a value that may be stale by now
        say(f"{name} wrote {current + 1}")


if __name__ == "__main__":
    adders = [threading.Thread(target=add_three, args=(n,), name=f"adder {n}") for n in "AB"]
    for adder in adders:
        adder.start()
    for adder in adders:
        adder.join()
    print(f"6 increments, counter = {counter}")
