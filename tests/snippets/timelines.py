"""What a timeline figure must show, checked on a recording of its snippet (what
guide.cpython_timeline writes: {"python", "exit_code", "recording"}): by the snippet tests
on a fresh run on every CPython, on the recorded data file the site draws, and by
`nox -s record`, which keeps only a recording that holds it.

Every figure: a well-formed recording (lanes, events in time order on known lanes, known
kinds and reasons), drawable, ending as the snippet's recorded output did; a blocking demo
that deadlocked, a closed wait-for cycle whose threads end waiting for a lock. The key
figures (FIGURES) also show what their page says they show.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from guide import snippet_metadata
from guide import timeline as guide_timeline

EVENT_KINDS = {"start", "run", "idle", "block", "wake", "print", "end"}
LANE_KINDS = {"thread", "task", "program"}

Check = Callable[[dict], None]
FIGURES: dict[str, Check] = {}


def figure(name: str) -> Callable[[Check], Check]:
    def register(check: Check) -> Check:
        FIGURES[name] = check
        return check

    return register


def check(snippet: snippet_metadata.Snippet, result: dict) -> None:
    """AssertionError when the recording does not show what the figure of `snippet` must."""
    assert re.fullmatch(r"CPython 3\.\d+\.\d+", result["python"]), result["python"]
    recording = result["recording"]
    well_formed(recording)
    recorded = snippet_metadata.recordings().get(snippet.name)
    if snippet.blocks:
        assert result["exit_code"] is None, f"a blocking demo ended: {result['exit_code']}"
    elif recorded is not None:
        assert result["exit_code"] == recorded["exit_code"], (
            f"exit code {result['exit_code']}, the recorded output's {recorded['exit_code']}"
        )
    if recording["deadlock"]:
        closed_cycle(recording)
        assert recording["end"] < snippet.blocks_after, (
            f"the deadlock was only seen when the run was stopped ({recording['end']:.3f} s)"
        )
    if snippet.name in FIGURES:
        FIGURES[snippet.name](recording)
    wide, narrow = guide_timeline.render_svgs(recording)
    for svg in (wide, narrow):
        assert svg.count('class="tl-lane') >= 1, "a figure without lanes"


def well_formed(recording: dict) -> None:
    assert recording["clock"] == "real", recording["clock"]
    lanes = recording["lanes"]
    assert lanes, "no lanes"
    ids = [lane["id"] for lane in lanes]
    assert len(ids) == len(set(ids)), f"lanes with the same id: {ids}"
    assert {lane["kind"] for lane in lanes} <= LANE_KINDS, lanes
    assert all(lane["name"] for lane in lanes), lanes
    end = recording["end"]
    assert recording["dropped"] == 0, f"{recording['dropped']} events not kept: a long demo"
    previous = 0.0
    for event in recording["events"]:
        assert len(event) == 5, event
        t, kind, lane, detail, _ = event
        assert previous <= t <= end, f"{event}: out of order, or after the end ({end})"
        previous = t
        assert kind in EVENT_KINDS, event
        assert lane in ids or (kind == "idle" and lane is None), f"{event}: no such lane"
        if kind == "block":
            assert detail in guide_timeline.REASONS, event
        if kind == "print":
            assert isinstance(detail, str) and event[4] in {"stdout", "stderr"}, event
    started = {event[2] for event in recording["events"] if event[1] == "start"}
    assert started == set(ids), f"lanes without a start: {set(ids) - started}"


def closed_cycle(recording: dict) -> None:
    """Each thread of the cycle waits for a lock the next one holds, round to the first, and
    its story ends in that wait."""
    cycle = recording["deadlock"]
    lanes = {lane["id"] for lane in recording["lanes"]}
    waiting = [edge["lane"] for edge in cycle]
    assert set(waiting) <= lanes and len(set(waiting)) == len(waiting) >= 2, cycle
    assert sorted(edge["waits_for"] for edge in cycle) == sorted(waiting), f"not closed: {cycle}"
    for edge in cycle:
        assert edge["what"].startswith(("Lock", "RLock")), edge
        waits = [
            e for e in recording["events"] if e[2] == edge["lane"] and e[1] in {"block", "wake"}
        ]
        assert waits and waits[-1][1] == "block" and waits[-1][3] == "lock", (
            f"{edge['lane']} is in the cycle but does not end waiting for a lock: {waits}"
        )


def names(recording: dict, kind: str | None = None) -> list[str]:
    return [lane["name"] for lane in recording["lanes"] if kind in (None, lane["kind"])]


def lane_id(recording: dict, name: str) -> str:
    return next(lane["id"] for lane in recording["lanes"] if lane["name"] == name)


def waits(recording: dict, lane: str, reason: str) -> list[list]:
    return [e for e in recording["events"] if e[1:4:2] == ["block", reason] and e[2] == lane]


@figure("problems/lost_updates_step_by_step.py")
def a_lane_per_adder(recording: dict) -> None:
    assert {"adder A", "adder B"} <= set(names(recording)), names(recording)
    assert {lane["kind"] for lane in recording["lanes"]} == {"thread"}
    for name in names(recording):
        if name.startswith("adder"):
            assert waits(recording, lane_id(recording, name), "sleep"), (
                f"{name}: no pause between read and write"
            )


@figure("problems/deadlock_forever.py")
def the_cycle(recording: dict) -> None:
    cycle = recording["deadlock"]
    assert cycle, "no deadlock recorded"
    by_id = {lane["id"]: lane["name"] for lane in recording["lanes"]}
    assert sorted(by_id[edge["lane"]] for edge in cycle) == [
        "Thread-1 (transfer)",
        "Thread-2 (transfer)",
    ]
    assert "MainThread" in names(recording), names(recording)
    # what each holds: the lock the other waits for
    assert sorted(edge["what"] for edge in cycle) == ["Lock locks['X']", "Lock locks['Y']"]
    for edge in cycle:
        assert waits(recording, edge["lane"], "lock"), f"{edge['lane']}: no lock wait"


@figure("threads/queue_sentinel.py")
def queue_waits(recording: dict) -> None:
    expected = {"MainThread", "consumer-0", "consumer-1", "consumer-2"}
    assert set(names(recording)) == expected, names(recording)
    assert waits(recording, lane_id(recording, "MainThread"), "queue"), (
        "the producer never waited on the full queue"
    )


@figure("asyncio/sequential_vs_gather.py")
def a_lane_per_task(recording: dict) -> None:
    tasks = [lane["id"] for lane in recording["lanes"] if lane["kind"] == "task"]
    assert len(tasks) == 4, names(recording)  # main, and one per gathered download
    sleeping = [lane for lane in tasks if waits(recording, lane, "sleep")]
    assert len(sleeping) == 4, names(recording)
