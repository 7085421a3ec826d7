"""Resource hierarchy: every philosopher picks up the lower-numbered fork first."""

import threading
import time

SEATS = 5
MEALS = 3
forks = [threading.Lock() for _ in range(SEATS)]
meals_eaten = [0] * SEATS
all_seated = threading.Barrier(SEATS)


def dine(seat: int) -> None:
    left, right = seat, (seat + 1) % SEATS
    low, high = min(left, right), max(left, right)  # philosopher 4 takes fork 0 first
    all_seated.wait()
    for _ in range(MEALS):
        with forks[low], forks[high]:
            meals_eaten[seat] += 1
            time.sleep(0.01)  # eating
        time.sleep(0.01)  # thinking


if __name__ == "__main__":
    philosophers = [threading.Thread(target=dine, args=(s,)) for s in range(SEATS)]
    for philosopher in philosophers:
        philosopher.start()
    for philosopher in philosophers:
        philosopher.join()
    for seat, meals in enumerate(meals_eaten):
        print(f"philosopher {seat} ate {meals} times")
    print("everyone finished: the waits cannot form a cycle")
