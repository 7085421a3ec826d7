"""Lock ordering: every thread takes the two account locks in the same global order."""

import threading


class Account:
    def __init__(self, number: int, balance: int) -> None:
        self.number = number  # accounts are locked in order of their numbers
        self.balance = balance
        self.lock = threading.Lock()


def transfer(source: Account, target: Account, amount: int) -> None:
    first, second = sorted((source, target), key=lambda account: account.number)
    with first.lock, second.lock:  # never "mine first, then yours"
        source.balance -= amount
        target.balance += amount


def transfer_many(source: Account, target: Account, times: int) -> None:
    for _ in range(times):
        transfer(source, target, 1)


if __name__ == "__main__":
    alice, bob = Account(1, 1_000), Account(2, 1_000)
    threads = [
        threading.Thread(target=transfer_many, args=(alice, bob, 20_000)),
        threading.Thread(target=transfer_many, args=(bob, alice, 20_000)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print("40,000 transfers in opposite directions finished: no deadlock")
    print(f"alice {alice.balance}, bob {bob.balance}, total {alice.balance + bob.balance}")
