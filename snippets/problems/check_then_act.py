"""Check-then-act: five buyers all see the last seat free, so all five get it."""

import threading
import time

BUYERS = 5

seats_left = 1
tickets: list[str] = []
start_together = threading.Barrier(BUYERS)
booking_lock = threading.Lock()


def buy(name: str) -> None:
    global seats_left
    start_together.wait()
    if seats_left > 0:  # check ...
        time.sleep(0.05)  # ... take the payment (the other buyers run meanwhile) ...
        seats_left -= 1  # ... and act on a check that may no longer be true
        tickets.append(name)


def buy_safely(name: str) -> None:
    global seats_left
    start_together.wait()
    with booking_lock:  # the check and the act happen as one step
        if seats_left > 0:
            time.sleep(0.05)
            seats_left -= 1
            tickets.append(name)


def sell_last_seat(buy_function) -> None:
    global seats_left
    seats_left = 1
    tickets.clear()
    buyers = [threading.Thread(target=buy_function, args=(f"buyer {n}",)) for n in range(BUYERS)]
    for buyer in buyers:
        buyer.start()
    for buyer in buyers:
        buyer.join()
    print(f"{buy_function.__name__}: {len(tickets)} sold for 1 seat, seats left: {seats_left}")


if __name__ == "__main__":
    sell_last_seat(buy)
    sell_last_seat(buy_safely)
