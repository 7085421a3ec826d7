"""Following the tasks of a snippet that uses asyncio: every event loop it makes (asyncio.run's
included) is traced by guide.timeline.loop_trace, one lane per task; each line printed goes
to the lane of the task that was running."""

from __future__ import annotations

import itertools

from guide import timeline as guide_timeline

from .prints import tap_output


def trace_asyncio(recorder: guide_timeline.Recorder) -> None:
    """Every event loop the snippet makes is traced; prints go to the running task's lane."""
    import asyncio

    from guide.timeline import loop_trace as guide_timeline_asyncio

    counter = itertools.count(1)  # the tasks of every loop of the run, numbered in order
    make_loop = asyncio.events.new_event_loop

    def new_event_loop():
        loop = make_loop()
        guide_timeline_asyncio.trace_loop(loop, recorder, counter=counter)
        return loop

    asyncio.events.new_event_loop = new_event_loop
    asyncio.new_event_loop = new_event_loop

    def printed(line: str, stream: str) -> None:
        lane = recorder.running or guide_timeline_asyncio.program_lane(recorder)
        recorder.print(lane, line, stream)

    tap_output(printed)
