# /// script
# [tool.guide]
# varies = "the random pauses, and so who gets through first and in which round"
# check = "property"
# ///
"""A random pause before each retry breaks the lockstep, so both threads get through."""

import random
import threading
import time

ROUNDS = 20
locks = {"X": threading.Lock(), "Y": threading.Lock()}
in_step = threading.Barrier(2)  # only for round 1: the same collision as in livelock.py
print_lock = threading.Lock()


def say(text: str) -> None:
    with print_lock:  # print() writes the text and the newline separately
        print(text)


def polite_transfer(name: str, first: str, second: str) -> None:
    for round_number in range(1, ROUNDS + 1):
        with locks[first]:
            if round_number == 1:
                in_step.wait()
            got_second = locks[second].acquire(blocking=False)
            if round_number == 1:
                in_step.wait()
            if got_second:
                try:
                    time.sleep(0.01)  # the work that needs both locks
                finally:
                    locks[second].release()
                say(f"{name}: got both locks in round {round_number}")
                return
        say(f"{name}: {second} busy in round {round_number}, backs off")
        time.sleep(random.uniform(0.0, 0.02))  # jitter: the two threads fall out of step
    say(f"{name}: gave up after {ROUNDS} rounds")


if __name__ == "__main__":
    threads = [
        threading.Thread(target=polite_transfer, args=("A", "X", "Y")),
        threading.Thread(target=polite_transfer, args=("B", "Y", "X")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
