# /// script
# [tool.guide]
# varies = "the times, by a few milliseconds"
# check = "numbers-masked"
# ///
"""threading.Timer: run a function once after a delay, in a new thread; cancel() stops it in time."""

import threading
import time

if __name__ == "__main__":
    start = time.monotonic()
    fired: list[str] = []

    def remind(what: str) -> None:
        fired.append(what)
        print(f"{time.monotonic() - start:.1f} s  {what} (in {threading.current_thread().name})")

    save = threading.Timer(0.1, remind, args=("autosave",))
    save.name = "autosave-timer"
    logout = threading.Timer(0.2, remind, args=("log out for inactivity",))
    save.start()
    logout.start()
    time.sleep(0.05)
    logout.cancel()  # the user did something: this timer's function will not run
    save.join()
    logout.join()
    print(f"fired: {fired}")
    print(f"timer threads still alive: {sum(t.is_alive() for t in (save, logout))}")
