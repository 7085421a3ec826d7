"""Timelines recorded by the simulated threads (simthreads.before_run(seed, recorder)): a
lane per thread, who runs when, where each blocks and on what (named as the program names
it), wakes, ends, and a deadlock's wait-for cycle, on the scheduler's virtual clock. The
harness hands the run a guide_timeline.Recorder and returns Recorder.to_dict(); programs
ask `timeline_probe.running()` which lane the recorder thinks runs."""

from __future__ import annotations

import pytest

from .test_deadlock import TWO_LOCKS

REASONS = ("lock", "condition", "queue", "sleep", "join", "await", "io")

# Checks, in each thread, that the recorder's running lane is the thread running Python.
PROBE = """
import threading, timeline_probe

wrong = []

def check(where):
    if timeline_probe.running() != f"T{threading.get_ident()}":
        wrong.append((where, timeline_probe.running(), threading.get_ident()))
"""

TWO_THREADS_ONE_LOCK = (
    PROBE
    + """
lock_a = threading.Lock()
total = 0

def step(x):
    return x + 1

def work():
    global total
    check("start")
    for _ in range(3):
        with lock_a:
            check("in lock")
            for _ in range(3000):
                total = step(total)
    check("end")

first = threading.Thread(target=work, name="first")
second = threading.Thread(target=work)
first.start()
second.start()
second.name = "second"  # renamed after it started
check("main")
first.join()
check("after join")
second.join()
check("after threads")
print(threading.get_ident(), total, wrong)
"""
)


def events(recording, kind=None, lane=None) -> list:
    return [
        event
        for event in recording["events"]
        if (kind is None or event[1] == kind) and (lane is None or event[2] == lane)
    ]


def check_well_formed(recording) -> None:
    """What holds for every recording: times in order, every lane started before it runs,
    blocks with known reasons, each block followed by a wake of that lane, then a run."""
    assert recording["clock"] == "virtual"
    times = [event[0] for event in recording["events"]]
    assert times == sorted(times)
    assert recording["end"] >= times[-1]
    started = set()
    for t, kind, lane, detail, _extra in recording["events"]:
        if kind == "start":
            started.add(lane)
        elif lane is not None:
            assert lane in started, f"{kind} of {lane} at {t} before its start"
        if kind == "block":
            assert detail in REASONS
    lanes = [lane["id"] for lane in recording["lanes"]]
    assert lanes == [event[2] for event in events(recording, "start")]


def check_every_block_ends(recording, *, but=()) -> None:
    """Each block of a lane is followed by a wake of the lane, then a run of it."""
    for lane in {event[2] for event in events(recording, "block")} - set(but):
        sequence = [e[1] for e in recording["events"] if e[2] == lane and e[1] != "print"]
        for i, kind in enumerate(sequence):
            if kind == "block":
                after = sequence[i + 1 : i + 3]
                assert after == ["wake", "run"], (lane, sequence[i:])


def test_two_threads_contending_for_a_lock(pyodide) -> None:
    result = pyodide.run(TWO_THREADS_ONE_LOCK, seed=3, record=True)
    assert result.status == "finished", result.output
    main_ident, total, wrong = result.stdout.split(maxsplit=2)
    assert total == "18000" and wrong.strip() == "[]", result.stdout
    recording = result.recording
    check_well_formed(recording)
    check_every_block_ends(recording)

    main = f"T{main_ident}"
    lanes = recording["lanes"]
    assert [lane["name"] for lane in lanes] == ["MainThread", "first", "second"]
    assert lanes[0]["id"] == main and all(lane["kind"] == "thread" for lane in lanes)
    first, second = lanes[1]["id"], lanes[2]["id"]
    starts = {event[2]: event[4] for event in events(recording, "start")}
    assert starts == {main: None, first: main, second: main}
    for lane in (main, first, second):
        kinds = [event[1] for event in events(recording, lane=lane)]
        assert kinds[0] == "start" and kinds[1] == "run", (lane, kinds[:3])

    lock_waits = [e for e in events(recording, "block") if e[3] == "lock"]
    assert lock_waits, "the threads never contended"
    assert {e[4] for e in lock_waits} == {"Lock lock_a"}
    assert {e[2] for e in lock_waits} <= {first, second}
    joins = {e[4] for e in events(recording, "block", main) if e[3] == "join"}
    assert joins == {"start first", "start Thread-1 (work)", "join first", "join second"}

    ends = {event[2]: event[3] for event in events(recording, "end")}
    assert ends[first] == ends[second] == "returned"
    assert recording["deadlock"] is None
    # The main thread runs last, alone: the recorder says so.
    assert events(recording, "run")[-1][2] == main


def test_the_same_seed_records_the_same_events(pyodide) -> None:
    """Only the stretches where one thread is alone follow the real clock: the events
    (without their times) are the same, and so are the virtual times between switches."""
    runs = [pyodide.run(TWO_THREADS_ONE_LOCK, seed=8, record=True) for _ in range(2)]
    first, again = ([event[1:] for event in run.recording["events"]] for run in runs)
    assert first == again
    other = pyodide.run(TWO_THREADS_ONE_LOCK, seed=9, record=True)
    assert [event[1:] for event in other.recording["events"]] != first


RACE = """
import threading, time

counter = 0

def increment_many(times):
    global counter
    for _ in range(times):
        current = counter
        time.sleep(0)
        counter = current + 1

threads = [threading.Thread(target=increment_many, args=(300,)) for _ in range(4)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(f"counted {counter}")
"""


@pytest.mark.parametrize("seed", [1, 2])
def test_recording_does_not_change_the_run(pyodide, seed) -> None:
    plain = pyodide.run(RACE, seed=seed)
    recorded = pyodide.run(RACE, seed=seed, record=True)
    assert plain.recording is None
    assert recorded.stdout == plain.stdout and recorded.status == plain.status == "finished"
    assert len(recorded.recording["lanes"]) == 5


def test_producer_and_consumer_wait_on_the_queue(pyodide) -> None:
    result = pyodide.run(
        """
        import queue, threading

        jobs = queue.Queue(maxsize=1)

        def produce():
            for n in range(5):
                jobs.put(n)
            jobs.put(None)

        def consume():
            while (job := jobs.get()) is not None:
                print("job", job)

        producer = threading.Thread(target=produce, name="producer")
        consumer = threading.Thread(target=consume, name="consumer")
        consumer.start(); producer.start()
        producer.join(); consumer.join()
        """,
        seed=4,
        record=True,
    )
    assert result.lines == [f"job {n}" for n in range(5)]
    recording = result.recording
    check_well_formed(recording)
    check_every_block_ends(recording)
    lane = {lane["name"]: lane["id"] for lane in recording["lanes"]}
    queue_waits = {(e[2], e[4]) for e in events(recording, "block") if e[3] == "queue"}
    assert (lane["consumer"], "Queue.get on jobs") in queue_waits
    assert (lane["producer"], "Queue.put on jobs") in queue_waits
    assert all(e[3] != "lock" for e in events(recording, "block")), "a queue's lock shown"


def test_sleep_waits_and_times_out(pyodide) -> None:
    result = pyodide.run(
        """
        import threading, time

        def nap():
            time.sleep(0.1)

        sleeper = threading.Thread(target=nap, name="sleeper")
        sleeper.start()
        time.sleep(0.05)
        sleeper.join()
        """,
        record=True,
    )
    recording = result.recording
    check_well_formed(recording)
    check_every_block_ends(recording)
    main, sleeper = (lane["id"] for lane in recording["lanes"])
    assert [e[3:] for e in events(recording, "block", sleeper)] == [["sleep", "sleep 0.1 s"]]
    assert [e[3] for e in events(recording, "wake", sleeper)] == ["timeout"]
    [slept] = events(recording, "block", sleeper)
    [woke] = events(recording, "wake", sleeper)
    assert woke[0] - slept[0] == pytest.approx(0.1, abs=1e-3)  # on the virtual clock
    assert ["sleep", "sleep 0.05 s"] in [e[3:] for e in events(recording, "block", main)]
    assert ["join", "join sleeper"] in [e[3:] for e in events(recording, "block", main)]
    assert [e[3] for e in events(recording, "wake", main)][-1] == "woken"


def test_other_primitives_give_their_reasons(pyodide) -> None:
    result = pyodide.run(
        """
        import threading, time
        from concurrent.futures import ThreadPoolExecutor

        ready = threading.Event()
        tokens = threading.Semaphore(0)
        meeting = threading.Barrier(2)
        cond = threading.Condition()
        flag = False

        def helper():
            global flag
            time.sleep(0.01); ready.set()
            time.sleep(0.01); tokens.release()
            time.sleep(0.01); meeting.wait()
            time.sleep(0.01)
            with cond:
                flag = True
                cond.notify()

        def slow(x):
            time.sleep(0.01)
            return x

        worker = threading.Thread(target=helper, name="helper")
        worker.start()
        ready.wait()
        tokens.acquire()
        meeting.wait()
        with cond:
            cond.wait_for(lambda: flag)
        with ThreadPoolExecutor(max_workers=1) as pool:
            future = pool.submit(slow, 1)
            future.result()
            pool.submit(slow, 2)
        worker.join()
        """,
        seed=2,
        record=True,
    )
    assert result.status == "finished", result.output
    recording = result.recording
    check_well_formed(recording)
    check_every_block_ends(recording)
    main = recording["lanes"][0]["id"]
    waits = [tuple(e[3:]) for e in events(recording, "block", main)]
    for expected in [
        ("condition", "Event.wait on ready"),
        ("lock", "Semaphore tokens"),
        ("condition", "Barrier.wait on meeting"),
        ("condition", "Condition.wait_for on cond"),
        ("join", "Future.result on future"),
        ("join", "ThreadPoolExecutor.shutdown on pool"),
    ]:
        assert expected in waits, (expected, waits)


def test_a_thread_that_raises_ends_so(pyodide) -> None:
    result = pyodide.run(
        """
        import threading

        def fail():
            raise ValueError("no")

        t = threading.Thread(target=fail, name="failing")
        t.start(); t.join()
        """,
        record=True,
    )
    assert "ValueError: no" in result.stderr  # threading.excepthook still reports it
    lane = result.recording["lanes"][1]["id"]
    assert [e[3] for e in events(result.recording, "end", lane)] == ["raised ValueError"]


def test_a_deadlock_records_its_cycle(pyodide) -> None:
    result = pyodide.run(TWO_LOCKS, record=True)
    assert result.status == "deadlocked"
    recording = result.recording
    check_well_formed(recording)
    lane = {lane["name"]: lane["id"] for lane in recording["lanes"]}
    cycle = recording["deadlock"]
    edges = {(edge["lane"], edge["waits_for"], edge["what"]) for edge in cycle}
    assert edges == {
        (lane["A"], lane["B"], "Lock locks['Y']"),
        (lane["B"], lane["A"], "Lock locks['X']"),
    }
    # The cycle's waits are the last blocks of its lanes, never woken.
    for name, what in (("A", "Lock locks['Y']"), ("B", "Lock locks['X']")):
        last = [e for e in recording["events"] if e[2] == lane[name] and e[1] != "end"][-1]
        assert last[1:5] == ["block", lane[name], "lock", what]


def test_the_running_lane_follows_a_lone_main_thread(pyodide) -> None:
    """Before any thread, after they all ended, and after a sleep alone."""
    result = pyodide.run(
        PROBE
        + """
import time

check("alone")
time.sleep(0.01)
check("after a sleep alone")
t = threading.Thread(target=check, args=("thread",))
t.start(); t.join()
check("after the thread")
time.sleep(0.01)
check("alone again")
print(wrong)
""",
        record=True,
    )
    assert result.stdout == "[]\n"
    check_every_block_ends(result.recording)


def test_nobody_runs_while_every_thread_sleeps(pyodide) -> None:
    """The scheduler idles (the recorder needs no "idle" mark: the last runner blocked),
    and the virtual clock jumps to the end of the sleep."""
    result = pyodide.run(
        """
        import threading, time
        t = threading.Thread(target=time.sleep, args=(0.02,), name="sleeper")
        t.start()
        t.join()
        """,
        record=True,
    )
    recording = result.recording
    main, sleeper = (lane["id"] for lane in recording["lanes"])
    [slept] = events(recording, "block", sleeper)
    [joined] = [e for e in events(recording, "block", main) if e[4] == "join sleeper"]
    [woke] = events(recording, "wake", sleeper)
    between = recording["events"][recording["events"].index(joined) + 1 :]
    assert between[0] == woke and woke[3] == "timeout"
    assert woke[0] - slept[0] == pytest.approx(0.02, abs=1e-3)
