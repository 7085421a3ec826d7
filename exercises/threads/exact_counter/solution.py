"""Four threads each pay 100 coins into one balance; a lock makes read-and-write one step."""

import threading
import time

THREADS = 4
PAYMENTS = 100  # per thread

balance = 0
balance_lock = threading.Lock()


def pay_in(start: threading.Barrier) -> None:
    global balance
    start.wait()  # all four begin together
    for _ in range(PAYMENTS):
        with balance_lock:  # no other thread reads or writes until this payment is in
            seen = balance
            time.sleep(0.0001)  # the bank checks the coin
            balance = seen + 1


if __name__ == "__main__":
    start = threading.Barrier(THREADS)
    threads = [threading.Thread(target=pay_in, args=(start,)) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"balance: {balance} (expected {THREADS * PAYMENTS})")
