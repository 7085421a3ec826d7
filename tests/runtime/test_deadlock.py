"""Deadlock reports: when every live thread waits forever, the run stops with a report of
who waits for what and who holds it, the wait-for cycle, and that CPython would hang."""

from __future__ import annotations

import re


def _rows(report: str) -> str:
    """The report with runs of spaces (column padding) made single."""
    return re.sub(r" {2,}", " ", report)


TWO_LOCKS = """
import threading

locks = {"X": threading.Lock(), "Y": threading.Lock()}
both_hold_one = threading.Barrier(2)

def transfer(first, second):
    with locks[first]:
        both_hold_one.wait()
        with locks[second]:
            print("never printed")

a = threading.Thread(target=transfer, args=("X", "Y"), name="A")
b = threading.Thread(target=transfer, args=("Y", "X"), name="B")
a.start(); b.start()
a.join()
print("never printed either")
"""


def test_two_locks_taken_in_opposite_orders(pyodide) -> None:
    result = pyodide.run(TWO_LOCKS, filename="transfer.py")
    assert result.status == "deadlocked", (result.status, result.output)
    assert "never printed" not in result.output
    report = result.error.splitlines()
    assert report[0] == "Deadlock: all 3 threads are blocked, and no thread can ever wake another."
    rows = {line.split()[0]: line for line in report[1:4]}
    assert "waits for thread A to end (join)" in rows["MainThread"]
    assert "waits for Lock locks['Y'], held by B" in rows["A"]
    assert "waits for Lock locks['X'], held by A" in rows["B"]
    assert "(line 10, in transfer)" in rows["A"]
    assert report[4] in ("Wait-for cycle: A → B → A", "Wait-for cycle: B → A → B")
    assert "CPython would hang here forever" in report[5]


def test_dining_philosophers(pyodide) -> None:
    result = pyodide.run(
        """
        import threading

        SEATS = 5
        forks = [threading.Lock() for _ in range(SEATS)]
        all_hold_left = threading.Barrier(SEATS)

        def dine(seat):
            with forks[seat]:
                all_hold_left.wait()
                with forks[(seat + 1) % SEATS]:
                    print("eats")

        philosophers = [threading.Thread(target=dine, args=(s,), name=f"P{s}") for s in range(SEATS)]
        for p in philosophers: p.start()
        for p in philosophers: p.join()
        """
    )
    assert result.status == "deadlocked"
    report = _rows(result.error)
    for seat in range(5):
        right = (seat + 1) % 5
        assert f"P{seat} waits for Lock forks[{right}], held by P{right}" in report, report
    cycle = next(line for line in report.splitlines() if line.startswith("Wait-for cycle: "))
    assert len(cycle.split(" → ")) == 6 and set(cycle[16:].split(" → ")) == {
        f"P{s}" for s in range(5)
    }


def test_a_thread_that_takes_its_own_lock_again(pyodide) -> None:
    result = pyodide.run(
        """
        import threading
        lock = threading.Lock()
        with lock:
            with lock:
                pass
        """
    )
    assert result.status == "deadlocked"
    assert result.error.splitlines()[0].startswith("Deadlock: the only thread is blocked")
    assert "MainThread waits for Lock lock, which this very thread holds" in _rows(result.error)


def test_reports_name_conditions_queues_and_holders_that_ended(pyodide) -> None:
    result = pyodide.run(
        """
        import queue, threading

        jobs = queue.Queue()
        ready = threading.Condition()
        gate = threading.Lock()

        def consumer():
            jobs.get()           # nobody ever puts

        def waiter():
            with ready:
                ready.wait()     # nobody ever notifies

        def leaver():
            gate.acquire()       # ends without releasing

        threads = [threading.Thread(target=f, name=f.__name__) for f in (consumer, waiter, leaver)]
        for t in threads: t.start()
        threads[2].join()
        gate.acquire()
        """
    )
    assert result.status == "deadlocked"
    report = _rows(result.error)
    assert "consumer waits for an item from Queue jobs (empty)" in report, report
    assert "waiter waits for a notify() on Condition ready" in report, report
    assert (
        "MainThread waits for Lock gate, held by leaver, which ended without releasing it" in report
    )


def test_timed_waits_and_daemon_threads_are_not_deadlocks(run) -> None:
    result = run(
        """
        import threading
        lock = threading.Lock()
        lock.acquire()
        stuck = threading.Thread(target=lock.acquire, daemon=True)
        stuck.start()
        print("got it:", lock.acquire(timeout=0.1))   # gives up: no deadlock
        stuck.join(timeout=0.05)
        print("main ends; the daemon thread is left waiting")
        """
    )
    assert result.lines == ["got it: False", "main ends; the daemon thread is left waiting"]


def test_the_interpreter_is_clean_after_a_deadlock(pyodide, run) -> None:
    assert pyodide.run(TWO_LOCKS).status == "deadlocked"
    result = run(
        """
        import threading
        print(threading.active_count(), [t.name for t in threading.enumerate()])
        t = threading.Thread(target=print, args=("a new thread runs",))
        t.start(); t.join()
        print(t.name)
        """
    )
    assert result.lines == ["1 ['MainThread']", "a new thread runs", "Thread-1 (print)"]
