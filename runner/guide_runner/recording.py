"""A run's timeline: the recorder the runtimes, the event loops and the printed lines record
into while the program runs, and what the page gets of it."""

from __future__ import annotations

import collections
import time
import traceback

from guide import timeline as guide_timeline

from . import state
from .streams import PrintedLines

perf_counter = time.perf_counter  # the real clock (a runtime may give time virtual clocks)


def start() -> guide_timeline.Recorder:
    recorder = guide_timeline.Recorder(clock=perf_counter)
    state.run.recorder = recorder
    state.run.printed = PrintedLines(recorder)
    return recorder


def stop() -> guide_timeline.Recorder:
    recorder, printed = state.run.recorder, state.run.printed
    state.run.recorder = state.run.printed = None
    printed.flush()
    recorder.finish()
    return recorder


def summary(recorder: guide_timeline.Recorder) -> dict | None:
    """What the page shows of the run's timeline: the SVG and its counts, for a run with
    threads besides the main one or with asyncio tasks (None for a plain program)."""
    recording = recorder.to_dict()
    kinds = collections.Counter(lane["kind"] for lane in recording["lanes"])
    threads, tasks = kinds["thread"], kinds["task"]
    if threads < 2 and tasks < 1:
        return None
    summary = {
        "lanes": len(recording["lanes"]),
        "threads": threads,
        "tasks": tasks,
        "events": len(recording["events"]) + recording["dropped"],
        "dropped": recording["dropped"],
        "limit": recording["limit"],
        "clock": recording["clock"],
        "deadlock": bool(recording["deadlock"]),
    }
    try:
        summary["svg"], summary["svg_narrow"] = guide_timeline.render_svgs(recording)
    except Exception:  # a drawing bug must not cost the reader the run's result
        summary["svg"] = None
        summary["error"] = traceback.format_exc()
    return summary
