"""A lock hand-off: B cannot take the lock while A holds it, and gets it when A lets go."""

import threading
import time

lock = threading.Lock()
a_holds_it = threading.Event()
events: list[str] = []


def thread_a() -> None:
    with lock:
        events.append("A: acquired the lock")
        a_holds_it.set()
        time.sleep(0.1)  # work while holding the lock
        events.append("A: releasing")


def thread_b() -> None:
    a_holds_it.wait()
    events.append(f"B: acquire(blocking=False) -> {lock.acquire(blocking=False)}")
    events.append(f"B: acquire(timeout=0.02)   -> {lock.acquire(timeout=0.02)}")
    events.append("B: now waiting without a timeout")
    with lock:
        events.append("B: acquired the lock")
    events.append("B: released")


if __name__ == "__main__":
    threads = [threading.Thread(target=thread_a), threading.Thread(target=thread_b)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print("\n".join(events))
