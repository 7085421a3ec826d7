"""The Recorder: what it keeps of a run, in which order, and on which clock."""

from __future__ import annotations

import pytest

from guide import timeline as guide_timeline
from guide.timeline import Recorder


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, now: float = 100.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


def recorder(limit: int = 5000) -> Recorder:
    return Recorder(clock=FakeClock(0.0), limit=limit)


def events(rec: Recorder) -> list[list]:
    return rec.to_dict()["events"]


# --- bounded memory ---------------------------------------------------------------------


def test_a_short_run_keeps_every_event_in_order() -> None:
    rec = recorder(limit=10)
    for i in range(15):
        rec.wake("T1", f"woken {i}", t=i)
    kept = events(rec)
    assert [e[3] for e in kept] == [f"woken {i}" for i in range(15)]
    assert rec.to_dict()["dropped"] == 0


def test_a_long_run_keeps_the_first_and_last_limit_events_and_counts_the_rest() -> None:
    rec = recorder(limit=100)
    for i in range(1000):
        rec.wake("T1", str(i), t=i)
    data = rec.to_dict()
    kept = [int(e[3]) for e in data["events"]]
    assert kept == list(range(100)) + list(range(900, 1000))
    assert data["dropped"] == 800
    assert data["limit"] == 100
    assert len(rec.head) == 100 and len(rec.tail) == 100  # memory stays bounded


def test_the_times_of_kept_events_never_go_back() -> None:
    rec = recorder(limit=50)
    for i in range(500):
        rec.run(f"T{i % 3}", t=i * 0.001)
    times = [e[0] for e in events(rec)]
    assert times == sorted(times)


# --- who runs ---------------------------------------------------------------------------


def test_run_is_recorded_only_when_another_lane_takes_over() -> None:
    rec = recorder()
    rec.run("T1", t=0)
    rec.run("T1", t=1)  # still T1: no event
    rec.run("T2", t=2)
    assert [(e[1], e[2]) for e in events(rec)] == [("run", "T1"), ("run", "T2")]
    assert rec.running == "T2"


def test_idle_after_a_run_and_only_then() -> None:
    rec = recorder()
    rec.idle(t=0)  # nobody ran: nothing to record
    rec.run("T1", t=1)
    rec.idle(t=2)
    rec.idle(t=3)
    assert [e[1] for e in events(rec)] == ["run", "idle"]
    assert rec.running is None


def test_block_and_end_stop_the_running_lane_so_its_next_run_is_recorded() -> None:
    rec = recorder()
    rec.run("T1", t=0)
    rec.block("T1", "lock", "Lock a", t=1)
    assert rec.running is None
    rec.wake("T1", t=2)
    rec.run("T1", t=3)
    rec.end("T1", t=4)
    assert rec.running is None
    assert [e[1] for e in events(rec)] == ["run", "block", "wake", "run", "end"]


def test_block_of_another_lane_leaves_the_running_lane_alone() -> None:
    rec = recorder()
    rec.run("T1", t=0)
    rec.block("A2", "sleep", "asyncio.sleep(1)", t=1)
    rec.end("A3", t=2)
    assert rec.running == "T1"


def test_block_keeps_known_reasons_and_calls_others_await() -> None:
    rec = recorder()
    for reason in guide_timeline.REASONS:
        rec.block("T1", reason, f"on {reason}")
    rec.block("T1", "telepathy", "a thought")
    got = [(e[3], e[4]) for e in events(rec)]
    assert got[:-1] == [(r, f"on {r}") for r in guide_timeline.REASONS]
    assert got[-1] == ("await", "a thought")


def test_a_lane_starts_once_and_takes_its_last_name() -> None:
    rec = recorder()
    rec.lane("T1", "Thread-1", "thread", "T0", t=0)
    rec.lane("T1", "again", "thread", t=1)  # already known: no second start
    rec.rename("T1", "worker")
    rec.rename("T9", "nobody")  # unknown lanes are ignored
    data = rec.to_dict()
    assert data["lanes"] == [{"id": "T1", "name": "worker", "kind": "thread"}]
    assert [e[1:] for e in data["events"]] == [["start", "T1", "Thread-1", "T0"]]


# --- printed lines ----------------------------------------------------------------------


def test_print_records_one_event_per_line() -> None:
    rec = recorder()
    rec.print("T1", "one\ntwo\n", t=0)
    rec.print("T2", "oops\n", "stderr", t=1)
    assert [(e[2], e[3], e[4]) for e in events(rec)] == [
        ("T1", "one", "stdout"),
        ("T1", "two", "stdout"),
        ("T2", "oops", "stderr"),
    ]


def test_print_cuts_a_long_line_to_120_characters() -> None:
    rec = recorder()
    rec.print("T1", "x" * 500)
    rec.print("T1", "y" * 120)
    long, exact = events(rec)
    assert len(long[3]) == 120 and long[3].endswith("…") and long[3].startswith("x" * 119)
    assert exact[3] == "y" * 120


# --- clocks -----------------------------------------------------------------------------


def test_times_are_seconds_from_the_recorders_start() -> None:
    clock = FakeClock(100.0)
    rec = Recorder(clock=clock)
    clock.now = 100.25
    rec.run("T1")
    rec.idle(t=100.5)  # an explicit time is on the same clock
    clock.now = 101.0
    data = rec.to_dict()
    assert [e[0] for e in data["events"]] == [0.25, 0.5]
    assert data["end"] == 1.0
    assert data["clock"] == "real"


def test_use_clock_rebases_time_on_the_new_clock() -> None:
    real, virtual = FakeClock(50.0), FakeClock(7.0)
    rec = Recorder(clock=real)
    rec.use_clock(virtual, virtual=True)
    virtual.now = 7.5
    rec.run("T1")
    rec.finish(t=9.0)
    data = rec.to_dict()
    assert data["events"][0][0] == 0.5
    assert data["end"] == 2.0
    assert data["clock"] == "virtual"


def test_end_is_at_least_the_last_event_and_finish_fixes_it() -> None:
    rec = recorder()
    rec.run("T1", t=3.0)
    assert rec.to_dict()["end"] == 3.0  # the fake clock says 0
    rec.finish(t=4.0)
    assert rec.to_dict()["end"] == 4.0


def test_to_dict_is_json_ready_with_the_deadlock_cycle() -> None:
    import json

    rec = recorder()
    rec.lane("T1", "a")
    rec.lane("T2", "b")
    cycle = [
        {"lane": "T1", "waits_for": "T2", "what": "Lock y"},
        {"lane": "T2", "waits_for": "T1", "what": "Lock x"},
    ]
    rec.deadlock(cycle)
    data = json.loads(json.dumps(rec.to_dict()))
    assert data["deadlock"] == cycle
    assert set(data) == {"clock", "lanes", "events", "end", "dropped", "limit", "deadlock"}


@pytest.mark.parametrize("limit", [1, 3])
def test_tiny_limits_still_count_every_event(limit: int) -> None:
    rec = recorder(limit=limit)
    for i in range(10):
        rec.wake("T1", str(i), t=i)
    data = rec.to_dict()
    assert len(data["events"]) + data["dropped"] == 10
    assert data["events"][-1][3] == "9"
