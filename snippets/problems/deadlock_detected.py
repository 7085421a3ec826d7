"""The same deadlock, bounded: the main thread stops waiting and reports who waits for whom."""

import threading
import time

locks = {"X": threading.Lock(), "Y": threading.Lock()}
holder: dict[str, str] = {}  # lock name -> name of the thread holding it
waiting_for: dict[str, str] = {}  # thread name -> name of the lock it waits for
both_hold_one = threading.Barrier(2)


def transfer(first: str, second: str) -> None:
    me = threading.current_thread().name
    with locks[first]:
        holder[first] = me
        both_hold_one.wait()
        waiting_for[me] = second
        with locks[second]:
            print(f"{me} has both locks")  # never printed


def join_all(threads: list[threading.Thread], timeout: float) -> list[str]:
    """Join with one shared deadline; return the names of the threads still running."""
    deadline = time.monotonic() + timeout
    for thread in threads:
        thread.join(timeout=max(0.0, deadline - time.monotonic()))
    return [thread.name for thread in threads if thread.is_alive()]


if __name__ == "__main__":
    threads = [
        threading.Thread(target=transfer, args=("X", "Y"), name="A", daemon=True),
        threading.Thread(target=transfer, args=("Y", "X"), name="B", daemon=True),
    ]
    for thread in threads:
        thread.start()
    for name in join_all(threads, timeout=0.3):
        wanted = waiting_for[name]
        held = next(lock for lock, who in holder.items() if who == name)
        print(f"deadlocked: {name} holds {held}, waits for {wanted} (held by {holder[wanted]})")
    print("the main thread ends; daemon threads die with the process")
