# /// script
# [tool.guide]
# varies = "how many sessions the check-then-act version creates"
# check = "property"
# ///
"""Check-then-act on a dict makes duplicates; dict.setdefault checks and acts in one step."""

import sys
import threading
import time

THREADS = 8
made: list["Session"] = []  # every session ever created (list.append is thread-safe)


class Session:
    def __init__(self) -> None:
        time.sleep(0.01)  # logging in takes a while; other threads run meanwhile
        made.append(self)


def get_session_racy(cache: dict, key: str) -> Session:
    if key not in cache:  # check ...
        cache[key] = Session()  # ... act, 10 ms later: others have passed the check too
    return cache[key]


def get_session_atomic(cache: dict, key: str) -> Session:
    return cache.setdefault(key, Session())  # one step: the first one stored wins


def run(get_session) -> None:
    made.clear()
    cache, seen = {}, []
    start_together = threading.Barrier(THREADS)

    def user() -> None:
        start_together.wait()
        seen.append(get_session(cache, "alice"))

    threads = [threading.Thread(target=user) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    distinct = len({id(session) for session in seen})
    print(f"{get_session.__name__}: {len(made)} created, {distinct} different in use")


if __name__ == "__main__":
    gil_enabled = getattr(sys, "_is_gil_enabled", lambda: True)()
    print(f"build: {'GIL' if gil_enabled else 'free-threaded'}")
    run(get_session_racy)
    run(get_session_atomic)
