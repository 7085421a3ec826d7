"""A thread changes its parent's list; a child process changes only its own copy."""

import multiprocessing
import threading

RESULTS: list[str] = []


def record(who: str) -> None:
    RESULTS.append(who)
    print(f"inside the {who}: appended {who!r}, my list has {RESULTS.count(who)} of it")


if __name__ == "__main__":
    thread = threading.Thread(target=record, args=("thread",))
    thread.start()
    thread.join()
    print(f"parent after the thread:  {RESULTS}")

    process = multiprocessing.Process(target=record, args=("process",))
    process.start()
    process.join()
    print(f"parent after the process: {RESULTS}  <- the child's append is not here")
