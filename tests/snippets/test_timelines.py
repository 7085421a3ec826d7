"""The timeline figures (`/// timeline` blocks; guide.cpython_timeline records them, the site
draws the recording `nox -s record` kept): the recorder on tiny programs, then each
pictured snippet recorded again on this CPython, and its kept recording, showing what its
figure must show (timelines.py)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from guide import snippet_metadata
from guide.cpython_timeline import figures
from guide.running import retry_on_failure

from . import timelines

PICTURED = sorted(figures.pictured())


# --- the recorder, on tiny programs ----------------------------------------------------------


def record(tmp_path: Path, source: str, *args: str) -> tuple[dict, float]:
    """Run `python -m guide.cpython_timeline` on `source`; (what it wrote, seconds it took)."""
    program = tmp_path / "program.py"
    program.write_text(textwrap.dedent(source), encoding="utf-8")
    out = tmp_path / "out.json"
    started = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-m", figures.RECORDER, str(program), "--out", str(out), *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    elapsed = time.perf_counter() - started
    assert run.returncode == 0, run.stdout + run.stderr
    return json.loads(out.read_text(encoding="utf-8")), elapsed


TWO_THREADS_ONE_LOCK = """
    import threading
    import time

    lock = threading.Lock()
    taken = threading.Event()


    def hold() -> None:
        with lock:
            print("first has the lock")
            taken.set()
            time.sleep(0.1)


    def wait() -> None:
        taken.wait()
        with lock:  # first holds it for 0.1 s more
            print("second has the lock")


    first = threading.Thread(target=hold, name="first")
    second = threading.Thread(target=wait, name="second")
    first.start()
    second.start()
    first.join()
    second.join()
    print("done")
"""


def test_recorder_follows_two_threads_and_a_lock(tmp_path: Path) -> None:
    result, _ = record(tmp_path, TWO_THREADS_ONE_LOCK)
    assert re.fullmatch(r"CPython 3\.\d+\.\d+", result["python"]), result["python"]
    assert result["exit_code"] == 0
    recording = result["recording"]
    assert recording["clock"] == "real" and recording["deadlock"] is None
    lanes = {lane["name"]: lane["id"] for lane in recording["lanes"]}
    assert set(lanes) == {"MainThread", "first", "second"}
    assert all(re.fullmatch(r"T\d+", lane) for lane in lanes.values()), lanes
    assert {lane["kind"] for lane in recording["lanes"]} == {"thread"}
    events = recording["events"]
    times = [event[0] for event in events]
    assert times == sorted(times), "events out of order"

    def find(kind: str, lane: str, detail=None, after: int = -1) -> tuple[int, list]:
        for index, event in enumerate(events):
            if (
                index > after
                and event[1] == kind
                and event[2] == lanes[lane]
                and detail in (None, event[3])
            ):
                return index, event
        raise AssertionError(f"no {kind} {detail or ''} of {lane} in {events}")

    blocked, block = find("block", "second", "lock")
    assert block[4] == "Lock lock", block
    woken, wake = find("wake", "second", after=blocked)
    assert wake[3] == "woken"
    held, _ = find("print", "first", "first has the lock")
    got, _ = find("print", "second", "second has the lock")
    # second waits while first holds the lock, and gets it only once first lets go
    assert held < blocked < woken < got
    assert wake[0] - block[0] > 0.02, "the wait for the lock is shorter than first holds it"
    assert find("block", "MainThread", "join")[1][4] == "join first"
    assert find("print", "MainThread", "done")[0] > got
    assert [e[3] for e in events if e[1] == "end"] == ["returned"] * 3


def test_recorder_reports_a_deadlock_without_waiting_for_blocks_after(tmp_path: Path) -> None:
    source = """
        import threading

        a, b = threading.Lock(), threading.Lock()
        both = threading.Barrier(2)


        def take(first, second) -> None:
            with first:
                both.wait()
                with second:
                    pass


        threading.Thread(target=take, args=(a, b), name="one").start()
        threading.Thread(target=take, args=(b, a), name="two").start()
    """
    result, elapsed = record(tmp_path, source, "--blocks-after", "20")
    assert elapsed < 10, "the deadlock was not seen before --blocks-after"
    assert result["exit_code"] is None  # stopped, not ended
    recording = result["recording"]
    ids = {lane["name"]: lane["id"] for lane in recording["lanes"]}
    cycle = {(c["lane"], c["waits_for"], c["what"]) for c in recording["deadlock"]}
    assert cycle == {(ids["one"], ids["two"], "Lock b"), (ids["two"], ids["one"], "Lock a")}
    for name in ("one", "two"):  # each ends its story waiting for a lock, never woken
        waits = [e for e in recording["events"] if e[2] == ids[name] and e[1] in {"block", "wake"}]
        assert waits[-1][1:4] == ["block", ids[name], "lock"], waits


def test_recorder_follows_asyncio_tasks(tmp_path: Path) -> None:
    source = """
        import asyncio


        async def nap(name: str, seconds: float) -> None:
            await asyncio.sleep(seconds)
            print(name, "woke")


        async def main() -> None:
            await asyncio.gather(nap("short", 0.01), nap("long", 0.02))


        asyncio.run(main())
    """
    result, _ = record(tmp_path, source)
    recording = result["recording"]
    tasks = [lane["id"] for lane in recording["lanes"] if lane["kind"] == "task"]
    assert len(tasks) == 3, recording["lanes"]  # main and the two gathered
    prints = [(e[2], e[3]) for e in recording["events"] if e[1] == "print"]
    assert [text for _, text in prints] == ["short woke", "long woke"]
    assert len({lane for lane, _ in prints}) == 2, "both prints on one lane"
    sleeps = [e[2] for e in recording["events"] if e[1] == "block" and e[3] == "sleep"]
    assert set(sleeps) == {lane for lane, _ in prints}


# --- the figures of the pages --------------------------------------------------------------


def test_the_pages_have_timeline_figures() -> None:
    assert set(timelines.FIGURES) <= set(PICTURED), sorted(set(timelines.FIGURES) - set(PICTURED))


@pytest.mark.parametrize("name", PICTURED)
def test_figure_recorded_here_shows_what_it_must(name: str) -> None:
    """The snippet, recorded on this CPython, holds its figure's invariant: what the page
    shows is what the program does everywhere, not on one lucky run."""
    snippet = snippet_metadata.find(name)
    reason = snippet.skip_reason()
    if reason:
        pytest.skip(reason)
    retry_on_failure(lambda: timelines.check(snippet, figures.record(snippet)), snippet.retries)


@pytest.mark.parametrize("name", PICTURED)
def test_kept_figure_shows_what_it_must(name: str) -> None:
    """The recording the site draws: made by `nox -s record` on the newest tested CPython,
    and holding the same invariant."""
    snippet = snippet_metadata.find(name)
    result = figures.read(snippet)  # FileNotFoundError says how to record it
    newest = snippet_metadata.TESTED_PYTHONS[-1]
    assert result["python"].startswith(f"CPython {newest}."), (
        f"recorded on {result['python']}, not on {newest}: run `{figures.record_command(name)}`"
    )
    timelines.check(snippet, result)


def test_no_stale_timeline_recordings() -> None:
    kept = {
        str(path.relative_to(snippet_metadata.SNIPPETS)).removesuffix(figures.SUFFIX) + ".py"
        for path in snippet_metadata.SNIPPETS.glob(f"*/*{figures.SUFFIX}")
    }
    stale = sorted(kept - set(PICTURED))
    assert not stale, f"timeline recordings no page pictures (delete them): {stale}"
