"""guide.timeline.loop_trace.trace_loop on a CPython event loop: one lane per task, what each
task waited on, wakes, ends, and who printed what."""

from __future__ import annotations

import asyncio
import contextlib
import io

from guide import timeline as guide_timeline
from guide.timeline.loop_trace import trace_loop


def record(main) -> dict:
    """Run `main()` on a traced loop; the recording, with prints attributed to lanes."""
    recorder = guide_timeline.Recorder()
    loop = asyncio.new_event_loop()
    trace_loop(loop, recorder)

    class Lines(io.StringIO):
        def write(self, text: str) -> int:
            for line in text.splitlines():
                recorder.print(recorder.running or "P", line)
            return len(text)

    try:
        with contextlib.redirect_stdout(Lines()):
            loop.run_until_complete(main())
    finally:
        loop.close()
    recorder.finish()
    return recorder.to_dict()


def lane_named(recording: dict, name: str) -> str:
    [lane] = [lane["id"] for lane in recording["lanes"] if lane["name"] == name]
    return lane


def of_lane(recording: dict, lane: str) -> list[tuple[str, object]]:
    return [(kind, detail) for _, kind, who, detail, _ in recording["events"] if who == lane]


async def worker(name: str, delay: float, queue: asyncio.Queue) -> str:
    await asyncio.sleep(delay)
    await queue.put(name)
    print(f"{name} done")
    return name


async def gather_two() -> None:
    queue: asyncio.Queue = asyncio.Queue()
    async with asyncio.TaskGroup() as group:
        group.create_task(worker("slow", 0.02, queue), name="slow")
        group.create_task(worker("fast", 0.01, queue), name="fast")
    print("both done")


def test_one_lane_per_task_with_its_waits_and_end() -> None:
    recording = record(gather_two)
    names = [lane["name"] for lane in recording["lanes"] if lane["kind"] == "task"]
    assert names[1:] == ["slow", "fast"], names  # the main task first, in creation order
    for name in ("slow", "fast"):
        events = of_lane(recording, lane_named(recording, name))
        kinds = [kind for kind, _ in events]
        assert kinds[:2] == ["start", "run"], events
        assert ("block", "sleep") in events
        assert kinds[-1] == "end" and events[-1][1] == "returned", events
        assert ("print", f"{name} done") in events
        # each wait ends with a wake before the task runs again
        for i, kind in enumerate(kinds):
            if kind == "block":
                assert kinds[i + 1 : i + 3] == ["wake", "run"], events
    sleeps = [
        extra
        for _, kind, lane, reason, extra in recording["events"]
        if kind == "block" and reason == "sleep"
    ]
    assert sorted(sleeps) == ["sleep 0.01 s", "sleep 0.02 s"]


def test_the_main_task_waits_for_its_group_and_prints_last() -> None:
    recording = record(gather_two)
    main = recording["lanes"][[lane["kind"] for lane in recording["lanes"]].index("task")]
    events = of_lane(recording, main["id"])
    assert ("block", "join") in events, events
    assert events[-2:] == [("print", "both done"), ("end", "returned")], events
    fast_done = [e for e in recording["events"] if e[1] == "print" and e[3] == "fast done"]
    slow_done = [e for e in recording["events"] if e[1] == "print" and e[3] == "slow done"]
    assert fast_done[0][0] < slow_done[0][0], "times follow the run: the fast one ends first"


def test_events_are_in_time_order_and_the_program_lane_waits_for_the_loop() -> None:
    recording = record(gather_two)
    times = [event[0] for event in recording["events"]]
    assert times == sorted(times)
    assert ("block", "join") in of_lane(recording, "P")


async def locked_and_cancelled() -> None:
    lock = asyncio.Lock()
    await lock.acquire()
    waiter = asyncio.create_task(lock.acquire(), name="waiter")
    sleeper = asyncio.create_task(asyncio.sleep(10), name="sleeper")
    await asyncio.sleep(0.01)
    sleeper.cancel()
    lock.release()
    await waiter
    with contextlib.suppress(asyncio.CancelledError):
        await sleeper


def test_lock_waits_and_cancellation() -> None:
    recording = record(locked_and_cancelled)
    waiter = of_lane(recording, lane_named(recording, "waiter"))
    assert ("block", "lock") in waiter, waiter
    assert waiter[-1] == ("end", "returned")
    sleeper = of_lane(recording, lane_named(recording, "sleeper"))
    assert ("block", "sleep") in sleeper
    assert sleeper[-1] == ("end", "cancelled"), sleeper


async def fails() -> None:
    async def broken() -> None:
        await asyncio.sleep(0)
        raise ValueError("no")

    task = asyncio.create_task(broken(), name="broken")
    with contextlib.suppress(ValueError):
        await task


def test_a_task_that_raises_ends_so() -> None:
    recording = record(fails)
    assert of_lane(recording, lane_named(recording, "broken"))[-1] == ("end", "raised ValueError")
