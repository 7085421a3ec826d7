"""Timer runs a function once after a delay, in its own thread, unless cancelled first."""

import threading
import time

if __name__ == "__main__":
    fired: list[str] = []
    start = time.perf_counter()

    reminder = threading.Timer(0.05, fired.append, args=["reminder"])
    doomed = threading.Timer(5, fired.append, args=["doomed"])
    reminder.start()
    doomed.start()
    doomed.cancel()  # it had not fired yet, so it never will

    reminder.join()
    doomed.join()  # returns at once: cancel() cut its 5 s wait short
    waited = time.perf_counter() - start
    print("fired:", fired)
    print(f"the reminder waited at least its delay: {waited >= 0.05}")
    print("a Timer is a Thread:", isinstance(reminder, threading.Thread))
