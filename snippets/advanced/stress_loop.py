# /// script
# [tool.guide]
# varies = "how many of the trials catch the race"
# check = "property"
# ///
"""A stress loop: repeat a racy test many times, with a tiny switch interval to shake up the timing."""

import sys
import threading

TRIALS, THREADS = 100, 4


class Service:
    def __init__(self) -> None:
        self.routes = {n: f"/route/{n}" for n in range(2_000)}  # some real work


class Lazy:
    def __init__(self, locked: bool) -> None:
        self._instance: Service | None = None
        self._lock = threading.Lock() if locked else None

    def get(self) -> Service:
        if self._lock is None:
            if self._instance is None:  # check...
                self._instance = Service()  # ...then act: another thread may be in between
            return self._instance
        with self._lock:
            if self._instance is None:
                self._instance = Service()
            return self._instance


def one_trial(locked: bool) -> bool:
    """The test: every thread must get the same single instance."""
    lazy, got = Lazy(locked), []
    start = threading.Barrier(THREADS)

    def user() -> None:
        start.wait()
        got.append(lazy.get())

    threads = [threading.Thread(target=user) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=5)
    return len({id(service) for service in got}) == 1


if __name__ == "__main__":
    default = sys.getswitchinterval()
    for label, interval, locked in (
        ("no lock, default switch interval", default, False),
        ("no lock, 1 µs switch interval", 1e-6, False),
        ("lock,    1 µs switch interval", 1e-6, True),
    ):
        sys.setswitchinterval(interval)
        failures = sum(not one_trial(locked) for _ in range(TRIALS))
        print(f"{label}: {failures:>3} of {TRIALS} trials failed")
    sys.setswitchinterval(default)
