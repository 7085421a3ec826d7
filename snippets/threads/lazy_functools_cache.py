# /// script
# [tool.guide]
# varies = "how many times the plain cached function runs for the same argument"
# check = "property"
# ///
"""functools.cache stays consistent under threads, but may run the function more than once."""

import functools
import threading
import time

calls: list[str] = []  # one entry per real call (list.append is atomic)


@functools.cache
def load_settings(name: str) -> dict:
    calls.append(name)
    time.sleep(0.05)  # reading a file, asking a server
    return {"name": name}


_lock = threading.Lock()


@functools.cache
def _load_once(name: str) -> dict:
    calls.append(name)
    time.sleep(0.05)
    return {"name": name}


def load_settings_locked(name: str) -> dict:
    with _lock:  # one caller at a time fills the cache; later ones find the entry
        return _load_once(name)


def in_threads(function, count: int = 6) -> set[int]:
    start, results = threading.Barrier(count), []

    def user() -> None:
        start.wait()
        results.append(function("production"))

    threads = [threading.Thread(target=user) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {id(result) for result in results}


if __name__ == "__main__":
    for function in (load_settings, load_settings_locked):
        calls.clear()
        objects = in_threads(function)
        print(
            f"{function.__name__}: 6 callers; real calls: {len(calls)}, distinct results: {len(objects)}"
        )
    print("cache info:", load_settings.cache_info())
