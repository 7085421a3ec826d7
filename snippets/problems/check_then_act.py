"""Check-then-act: five buyers all see the last seat free, so all five get it."""

import threading
import time

BUYERS = 5

seats_left = 1
tickets: list[str] = []
start_together = threading.Barrier(BUYERS)


def buy(name: str) -> None:
    global seats_left
    start_together.wait()
    if seats_left > 0:  # check ...
        time.sleep(0.05)  # ... take payment (other buyers run meanwhile) ...
        seats_left -= 1  # ... act on a check that may no longer be true
        tickets.append(name)


def buy_safely(name: str, lock: threading.Lock) -> None:
    global seats_left
    start_together.wait()
    with lock:  # the check and the act happen as one step
        if seats_left > 0:
            time.sleep(0.05)
            seats_left -= 1
            tickets.append(name)


def sell(target, *extra) -> None:
    global seats_left
    seats_left = 1
    tickets.clear()
    buyers = [threading.Thread(target=target, args=(f"buyer {n}", *extra)) for n in range(BUYERS)]
    for buyer in buyers:
        buyer.start()
    for buyer in buyers:
        buyer.join()
    print(
        f"{target.__name__}: tickets sold for the last seat: {len(tickets)}, seats left: {seats_left}"
    )


if __name__ == "__main__":
    sell(buy)
    sell(buy_safely, threading.Lock())
