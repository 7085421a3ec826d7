# /// script
# [tool.guide]
# varies = "how many updates the unlocked version loses; the locked total is always exact"
# check = "property"
# ///
"""Read-modify-write from four threads loses updates; a Lock held with `with` loses none."""

import threading
import time

THREADS, DEPOSITS = 4, 1_000
balance = 0
balance_lock = threading.Lock()


def deposit_unsafely() -> None:
    global balance
    for _ in range(DEPOSITS):
        current = balance
        time.sleep(0)  # gives up the GIL: another thread may deposit in between
        balance = current + 1


def deposit_safely() -> None:
    global balance
    for _ in range(DEPOSITS):
        with balance_lock:  # acquire; released on leaving the block, even on an exception
            current = balance
            time.sleep(0)
            balance = current + 1


def run(target) -> int:
    global balance
    balance = 0
    threads = [threading.Thread(target=target) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return balance


if __name__ == "__main__":
    expected = THREADS * DEPOSITS
    unsafe = run(deposit_unsafely)
    print(f"without a lock: {unsafe:,} of {expected:,} (lost {expected - unsafe:,})")
    safe = run(deposit_safely)
    print(f"with a lock:    {safe:,} of {expected:,} (lost {expected - safe:,})")
