"""A deterministic race test: a Barrier holds both threads between check and act, every time."""

import threading


class Venue:
    def __init__(self, seats: int, pause=lambda: None) -> None:
        self.seats = seats
        self.sold = 0
        self._pause = pause  # a test hook: called between the check and the update
        self._lock = threading.Lock()

    def book_unsafe(self) -> bool:
        if self.seats > 0:
            self._pause()
            self.seats -= 1
            self.sold += 1
            return True
        return False

    def book(self) -> bool:
        with self._lock:
            return self.book_unsafe()


def two_buyers_for_the_last_seat(method: str, timeout: float) -> tuple[Venue, bool]:
    both_checked = threading.Barrier(2, timeout=timeout)  # a bound, in case one never comes
    met = []

    def pause() -> None:
        try:
            both_checked.wait()  # returns only when both buyers have passed the check
            met.append(True)
        except threading.BrokenBarrierError:
            met.append(False)  # the other buyer never got here: the lock kept it out

    venue = Venue(seats=1, pause=pause)
    buyers = [threading.Thread(target=getattr(venue, method)) for _ in range(2)]
    for buyer in buyers:
        buyer.start()
    for buyer in buyers:
        buyer.join(timeout=2)
    return venue, all(met)


if __name__ == "__main__":
    runs = [two_buyers_for_the_last_seat("book_unsafe", timeout=5) for _ in range(20)]
    oversold = sum(venue.sold > 1 for venue, _ in runs)
    print(f"without the lock: the last seat was sold twice in {oversold} of {len(runs)} runs")
    venue, met = two_buyers_for_the_last_seat("book", timeout=0.2)
    print(f"with the lock:    sold {venue.sold}; both buyers between check and act: {met}")
