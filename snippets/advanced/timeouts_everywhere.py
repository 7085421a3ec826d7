"""Timeouts everywhere: give every blocking call in a test a bound, and a hang becomes a failure."""

import queue
import threading


def worker(go: threading.Event, results: queue.Queue, done: threading.Event) -> None:
    go.wait()  # the bug under test: nobody ever sets `go`
    results.put(42)
    done.set()


def report(call: str, ok: bool) -> None:
    print(f"{call:<28} {'ok' if ok else 'FAILED: timed out'}")


if __name__ == "__main__":
    go, done, results = threading.Event(), threading.Event(), queue.Queue()
    thread = threading.Thread(target=worker, args=(go, results, done), daemon=True)
    thread.start()  # daemon: a stuck worker cannot keep the test process alive

    thread.join(timeout=0.1)  # join() returns either way: ask whether the thread ended
    report("thread.join(timeout=0.1)", not thread.is_alive())
    report("done.wait(timeout=0.1)", done.wait(timeout=0.1))  # False after the timeout
    try:
        results.get(timeout=0.1)
        report("results.get(timeout=0.1)", True)
    except queue.Empty:  # raised after the timeout
        report("results.get(timeout=0.1)", False)
    lock = threading.Lock()
    lock.acquire()  # held by a code path that forgot to release it
    report("lock.acquire(timeout=0.1)", lock.acquire(timeout=0.1))  # False after the timeout
    print("four bounded waits: the test ends with failures instead of hanging")
