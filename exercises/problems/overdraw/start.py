"""Three cash machines withdraw 60 each from an account that holds 100."""

import threading
import time

balance = 100


def withdraw(machine: str, amount: int, start: threading.Barrier) -> None:
    global balance
    start.wait()  # three customers press the button at the same moment
    if balance >= amount:
        time.sleep(0.05)  # the machine counts the notes
        balance -= amount
        print(f"{machine}: paid out {amount}")
    else:
        print(f"{machine}: refused, the balance is {balance}")


if __name__ == "__main__":
    start = threading.Barrier(3)
    machines = [
        threading.Thread(target=withdraw, args=(name, 60, start))
        for name in ("machine 1", "machine 2", "machine 3")
    ]
    for machine in machines:
        machine.start()
    for machine in machines:
        machine.join()
    print(f"final balance: {balance}")
