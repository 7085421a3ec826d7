"""Two transfers in opposite directions, each locking the account it takes money from first."""

import threading


class Account:
    def __init__(self, name: str, balance: int) -> None:
        self.name = name
        self.balance = balance
        self.lock = threading.Lock()


# Forces the unlucky order on every run: each transfer waits (at most 0.5 s) until both
# hold their first lock. A fix does not need it.
both_hold_one = threading.Barrier(2)
outcomes: list[str] = []  # one line per transfer, printed by the main thread


def transfer(source: Account, target: Account, amount: int) -> None:
    with source.lock:
        try:
            both_hold_one.wait(timeout=0.5)
        except threading.BrokenBarrierError:
            pass
        # A timeout, so that the demo reports the deadlock instead of hanging.
        if not target.lock.acquire(timeout=1.0):
            outcomes.append(f"{source.name} -> {target.name}: deadlock, gave up after 1 s")
            return
        try:
            source.balance -= amount
            target.balance += amount
        finally:
            target.lock.release()
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
