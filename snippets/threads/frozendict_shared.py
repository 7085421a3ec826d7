# /// script
# requires-python = ">=3.15"
# ///
"""frozendict (Python 3.15): a dict-shaped value that threads can share without a lock."""

import threading
import types

ROUNDS = 2_000

settings = frozendict(low=0, high=10, version=1)  # invariant: high == low + 10
publish = threading.Lock()  # writers exclude each other; readers take no lock


def move_to(low: int) -> None:
    global settings
    with publish:
        current = settings
        # `|` builds a new frozendict; the one readers may hold is never touched
        settings = current | {"low": low, "high": low + 10, "version": current["version"] + 1}


def reader(broken: list) -> None:
    for _ in range(ROUNDS):
        snapshot = settings  # one reference: the whole old value or the whole new one
        if snapshot["high"] != snapshot["low"] + 10:
            broken.append(snapshot)


if __name__ == "__main__":
    first = settings
    broken: list = []
    readers = [threading.Thread(target=reader, args=(broken,)) for _ in range(3)]
    for thread in readers:
        thread.start()
    for low in range(1, 501):
        move_to(low)
    for thread in readers:
        thread.join()
    print(f"snapshots that broke the invariant: {len(broken)}")
    print(f"now:   {settings}")
    print(f"first: {first}  (still what it was)")

    try:
        settings["low"] = -1
    except TypeError as error:
        print(f"settings['low'] = -1 -> TypeError: {error}")
    print(f"hashable, so usable as a cache key: {hash(settings) == hash(frozendict(settings))}")
    print(f"isinstance(settings, dict): {isinstance(settings, dict)}")

    # A read-only view is not a snapshot: whoever holds the dict can still change it.
    private = {"low": 0, "high": 10}
    view = types.MappingProxyType(private)
    private["low"] = 99
    print(f"MappingProxyType sees the change: {dict(view)}")
