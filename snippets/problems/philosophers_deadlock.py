"""Five philosophers each pick up their left fork, then wait forever for their right one."""

import threading
import time

SEATS = 5
forks = [threading.Lock() for _ in range(SEATS)]
holder: dict[int, int] = {}  # fork -> philosopher holding it
waiting_for: dict[int, int] = {}  # philosopher -> fork they wait for
all_hold_left = threading.Barrier(SEATS)  # makes the unlucky timing certain


def dine(seat: int) -> None:
    left, right = seat, (seat + 1) % SEATS
    with forks[left]:
        holder[left] = seat
        all_hold_left.wait()
        waiting_for[seat] = right
        with forks[right]:
            print(f"philosopher {seat} eats")  # never printed


if __name__ == "__main__":
    philosophers = [threading.Thread(target=dine, args=(s,), daemon=True) for s in range(SEATS)]
    for philosopher in philosophers:
        philosopher.start()
    deadline = time.monotonic() + 0.3
    for philosopher in philosophers:
        philosopher.join(timeout=max(0.0, deadline - time.monotonic()))
    hungry = [seat for seat, p in enumerate(philosophers) if p.is_alive()]
    for seat in hungry:
        fork = waiting_for[seat]
        print(
            f"philosopher {seat} holds fork {seat}, waits for fork {fork} "
            f"(held by philosopher {holder[fork]})"
        )
    print(f"{len(hungry)} of {SEATS} philosophers stuck: a cycle of waits, nobody eats")
