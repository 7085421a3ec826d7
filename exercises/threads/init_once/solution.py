"""Four threads ask for the settings; a lock makes sure they are loaded once."""

import threading
import time

THREADS = 4

loads: list[str] = []  # who loaded the settings
_settings: dict | None = None
_settings_lock = threading.Lock()


def load_settings() -> dict:
    loads.append(threading.current_thread().name)
    time.sleep(0.2)  # reading and parsing a file
    return {"workers": 4}


def get_settings() -> dict:
    global _settings
    if _settings is None:  # cheap check; once loaded, no lock is taken
        with _settings_lock:
            if _settings is None:  # check again: another thread may have loaded them
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
