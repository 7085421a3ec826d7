"""Two transfers in opposite directions; both take the two locks in one agreed order."""

import threading


class Account:
    def __init__(self, name: str, balance: int) -> None:
        self.name = name
        self.balance = balance
        self.lock = threading.Lock()


# Still here, still waiting at most 0.5 s: now the second transfer cannot take its first
# lock while the first holds it, so the wait times out and the first goes on.
both_hold_one = threading.Barrier(2)
outcomes: list[str] = []  # one line per transfer, printed by the main thread


def transfer(source: Account, target: Account, amount: int) -> None:
    # Every transfer locks the accounts in the same order (by name), whichever way the
    # money goes: no thread can hold the second lock while waiting for the first.
    first, second = sorted((source, target), key=lambda account: account.name)
    with first.lock:
        try:
            both_hold_one.wait(timeout=0.5)
        except threading.BrokenBarrierError:
            pass
        if not second.lock.acquire(timeout=1.0):
            outcomes.append(f"{source.name} -> {target.name}: deadlock, gave up after 1 s")
            return
        try:
            source.balance -= amount
            target.balance += amount
        finally:
            second.lock.release()
    outcomes.append(f"{source.name} -> {target.name}: moved {amount}")


if __name__ == "__main__":
    alice, bob = Account("alice", 100), Account("bob", 100)
    threads = [
        threading.Thread(target=transfer, args=(alice, bob, 30)),
        threading.Thread(target=transfer, args=(bob, alice, 20)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print("\n".join(outcomes))
    total = alice.balance + bob.balance
    print(f"alice {alice.balance}, bob {bob.balance}, total {total}")
