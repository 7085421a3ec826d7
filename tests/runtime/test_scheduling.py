"""Preemption, races, replay by seed: threads switch where CPython may switch (function
starts and backward jumps of the program's own code, paced by sys.getswitchinterval()), so
a race loses updates and a lock prevents it; the same seed gives the same interleaving."""

from __future__ import annotations

import re

RACE = """
import threading, sys

THREADS, TIMES = 4, 50_000
counter = 0
lock = threading.Lock()

def read(value):
    return value

def unsafe(times):
    global counter
    for _ in range(times):
        counter = read(counter) + 1   # a call between the read and the write

def safe(times):
    global counter
    for _ in range(times):
        with lock:
            counter = read(counter) + 1

for work in (unsafe, safe):
    counter = 0
    threads = [threading.Thread(target=work, args=(TIMES,)) for _ in range(THREADS)]
    for t in threads: t.start()
    for t in threads: t.join()
    print(f"{work.__name__}: {counter} of {THREADS * TIMES}")
"""


def _count(line: str) -> int:
    return int(re.search(r": (\d+) of", line)[1])


def test_a_race_loses_updates_and_a_lock_prevents_it(run) -> None:
    result = run(RACE, seed=11)
    unsafe, safe = result.lines
    assert _count(unsafe) < 200_000, unsafe  # preempted between read and write
    assert safe == "safe: 200000 of 200000"


def test_the_same_seed_replays_the_same_interleaving(run) -> None:
    first = run(RACE, seed=5)
    again = run(RACE, seed=5)
    other = [run(RACE, seed=seed).lines[0] for seed in (6, 7)]
    assert first.seed == again.seed == 5
    assert first.stdout == again.stdout
    assert len({first.lines[0], *other}) > 1, "three seeds, one interleaving"


def test_a_run_without_a_seed_gets_a_new_one_and_reports_it(pyodide) -> None:
    seeds = {pyodide.run("import threading", seed=None).seed for _ in range(3)}
    assert None not in seeds and len(seeds) == 3, seeds
    bad = pyodide.run("import threading", seed="not a seed")  # bad input: a new seed
    assert bad.status == "finished" and isinstance(bad.seed, int)


def test_replay_covers_time_and_random(run) -> None:
    # While threads run together the clocks are virtual: the times the threads see, and
    # the random numbers, replay with the seed too. (Before the first thread starts, one
    # thread runs alone on the real clock.)
    program = """
    import threading, time, random

    log = []
    go = threading.Barrier(3)
    def worker(name):
        go.wait()
        start = time.monotonic()
        for _ in range(3):
            time.sleep(random.uniform(0.001, 0.01))
            log.append((name, round(time.monotonic() - start, 4)))

    threads = [threading.Thread(target=worker, args=(n,)) for n in "ABC"]
    for t in threads: t.start()
    for t in threads: t.join()
    print(log)
    """
    first, again, other = (run(program, seed=seed).stdout for seed in (3, 3, 4))
    assert first == again
    assert first != other
    assert len(eval(first)) == 9


def test_plus_equals_in_a_loop_loses_nothing_as_with_the_gil(run) -> None:
    # Switch points are only function starts and backward jumps: `counter += 1` is never
    # split, as on GIL builds of CPython since 3.10.
    result = run(
        """
        import threading
        counter = 0
        def add(n):
            global counter
            for _ in range(n):
                counter += 1
        threads = [threading.Thread(target=add, args=(100_000,)) for _ in range(4)]
        for t in threads: t.start()
        for t in threads: t.join()
        print(counter)
        """
    )
    assert result.lines == ["400000"]


def test_threads_take_turns_paced_by_the_switch_interval(run) -> None:
    result = run(
        """
        import sys, threading
        from itertools import pairwise

        def turns(interval):
            sys.setswitchinterval(interval)
            trace = []
            start = threading.Barrier(2)
            def busy(name):
                start.wait()
                for _ in range(20_000):
                    trace.append(name)
            threads = [threading.Thread(target=busy, args=(n,)) for n in "AB"]
            for t in threads: t.start()
            for t in threads: t.join()
            return 1 + sum(a != b for a, b in pairwise(trace))

        print(turns(0.05), turns(0.001))
        """
    )
    slow, fast = map(int, result.lines[0].split())
    assert slow == 2, "20,000 steps fit in one 50 ms slice: no switch"
    assert fast >= 20, f"a 1 ms interval gave only {fast} turns"


def test_library_code_is_never_preempted(run) -> None:
    # sorted() with a key function written in the program: the key function's starts are
    # switch points, sorting itself (C) and the standard library are not.
    result = run(
        """
        import sys, threading, heapq
        sys.setswitchinterval(1e-6)
        data = list(range(2000, 0, -1))
        out = {}
        def work(name):
            h = []
            for x in data:
                heapq.heappush(h, x)   # library code, never split
            out[name] = [heapq.heappop(h) for _ in range(5)]
        threads = [threading.Thread(target=work, args=(n,)) for n in "AB"]
        for t in threads: t.start()
        for t in threads: t.join()
        print(out["A"] == out["B"] == [1, 2, 3, 4, 5])
        """
    )
    assert result.lines == ["True"]


def test_stop_interrupts_a_program_waiting_on_threads(pyodide) -> None:
    result = pyodide.run(
        """
        import threading
        threading.Event().wait()   # waits forever? No: a daemon Timer ends the wait
        """,
        timeout=10,
    )
    # An Event nobody will set: every thread waits forever, so this is a deadlock report.
    assert result.status == "deadlocked"
    assert "MainThread" in result.error and "Event" in result.error
