"""Four threads ask for the settings; loading them is slow and should happen once."""

import threading
import time

THREADS = 4

loads: list[str] = []  # who loaded the settings
_settings: dict | None = None


def load_settings() -> dict:
    loads.append(threading.current_thread().name)
    time.sleep(0.2)  # reading and parsing a file
    return {"workers": 4}


def get_settings() -> dict:
    global _settings
    if _settings is None:
        _settings = load_settings()
    return _settings


def worker(start: threading.Barrier, seen: list) -> None:
    start.wait()  # all four ask at once
    seen.append(id(get_settings()))


if __name__ == "__main__":
    start = threading.Barrier(THREADS)
    seen: list[int] = []
    threads = [threading.Thread(target=worker, args=(start, seen)) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"settings loaded {len(loads)} time(s)")
    print(f"threads saw {len(set(seen))} different settings object(s)")
