"""A thread that takes a Lock it already holds waits for itself; an RLock lets it re-enter."""

import threading


class Account:
    def __init__(self, lock) -> None:
        self.balance = 0
        self.lock = lock

    def deposit(self, amount: int) -> None:
        with self.lock:
            self.balance += amount
            self.report()  # calls a method that takes the same lock

    def report(self) -> None:
        if not self.lock.acquire(timeout=0.2):  # with plain acquire() this waits forever
            print("  report: the lock is held (by this very thread): would wait forever")
            return
        try:
            print(f"  report: balance is {self.balance}")
        finally:
            self.lock.release()


if __name__ == "__main__":
    for name, lock in (("Lock", threading.Lock()), ("RLock", threading.RLock())):
        print(f"{name}:")
        Account(lock).deposit(100)
