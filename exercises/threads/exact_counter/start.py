"""Four threads each pay 100 coins into one balance; some payments go missing."""

import threading
import time

THREADS = 4
PAYMENTS = 100  # per thread

balance = 0


def pay_in(start: threading.Barrier) -> None:
    global balance
    start.wait()  # all four begin together
    for _ in range(PAYMENTS):
        seen = balance  # read
        time.sleep(0.0001)  # the bank checks the coin; the other threads run meanwhile
        balance = seen + 1  # write back what may be stale by now


if __name__ == "__main__":
    start = threading.Barrier(THREADS)
    threads = [threading.Thread(target=pay_in, args=(start,)) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"balance: {balance} (expected {THREADS * PAYMENTS})")
