"""An RLock can be re-acquired by the thread that holds it; a plain Lock would deadlock."""

import threading


class Inventory:
    def __init__(self, lock) -> None:
        self._lock = lock
        self._stock = {"apples": 3}

    def take(self, item: str) -> bool:
        with self._lock:
            if self.count(item) == 0:  # count() takes the same lock a second time
                return False
            self._stock[item] -= 1
            return True

    def count(self, item: str) -> int:
        if not self._lock.acquire(timeout=0.1):  # a timeout instead of hanging forever
            raise TimeoutError("count() could not take the lock its caller holds")
        try:
            return self._stock.get(item, 0)
        finally:
            self._lock.release()


def release_from_another_thread(lock) -> str:
    outcome: list[str] = []

    def release() -> None:
        try:
            lock.release()
            outcome.append("released")
        except RuntimeError as error:
            outcome.append(f"RuntimeError: {error}")

    thread = threading.Thread(target=release)
    thread.start()
    thread.join()
    return outcome[0]


if __name__ == "__main__":
    for label, lock in (("Lock", threading.Lock()), ("RLock", threading.RLock())):
        try:
            print(f"{label:5} take('apples') -> {Inventory(lock).take('apples')}")
        except TimeoutError as error:
            print(f"{label:5} take('apples') -> TimeoutError: {error}")

    owned = threading.RLock()
    with owned, owned:  # the owner may nest acquisitions; each needs its own release
        print("RLock released by a non-owner ->", release_from_another_thread(owned))
