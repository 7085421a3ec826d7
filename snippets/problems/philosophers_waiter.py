"""An arbitrator: a waiter hands out both forks at once, or makes the philosopher wait."""

import threading
import time

SEATS = 5
MEALS = 3


class Waiter:
    def __init__(self, seats: int) -> None:
        self.fork_free = [True] * seats
        self.changed = threading.Condition()

    def forks_of(self, seat: int) -> tuple[int, int]:
        return seat, (seat + 1) % len(self.fork_free)

    def take_forks(self, seat: int) -> None:
        left, right = self.forks_of(seat)
        with self.changed:  # nobody ever holds one fork while waiting for the other
            self.changed.wait_for(lambda: self.fork_free[left] and self.fork_free[right])
            self.fork_free[left] = self.fork_free[right] = False

    def return_forks(self, seat: int) -> None:
        left, right = self.forks_of(seat)
        with self.changed:
            self.fork_free[left] = self.fork_free[right] = True
            self.changed.notify_all()  # the neighbours may be able to eat now


def dine(seat: int, waiter: Waiter, meals_eaten: list[int]) -> None:
    for _ in range(MEALS):
        waiter.take_forks(seat)
        meals_eaten[seat] += 1
        time.sleep(0.01)  # eating
        waiter.return_forks(seat)
        time.sleep(0.01)  # thinking


if __name__ == "__main__":
    waiter, meals_eaten = Waiter(SEATS), [0] * SEATS
    philosophers = [
        threading.Thread(target=dine, args=(s, waiter, meals_eaten)) for s in range(SEATS)
    ]
    for philosopher in philosophers:
        philosopher.start()
    for philosopher in philosophers:
        philosopher.join()
    print(f"meals eaten per philosopher: {meals_eaten}")
