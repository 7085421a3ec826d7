"""asyncio beside simulated threads: the loop's default executor shuts down without blocking
the loop, the loop's timers keep their pace while threads sleep, and a loop can run in a
thread of its own while other threads block (the asyncio demos of
docs/asyncio/threads-and-processes.md, several seeds each)."""

from __future__ import annotations

import re

import pytest

from guide import snippet_metadata
from guide.checks import check, trim_lines

# A hang would otherwise cost the harness's full minute.
QUICK = 15.0
# Checks of real time (a heartbeat's pace) are tried up to this many times: a busy host can
# pause the whole process for longer than a check allows, once. A loop that really froze
# fails every attempt the same way.
TIMING_ATTEMPTS = 3


def in_one_of_several_attempts(attempt) -> None:
    """Run `attempt()` (which asserts a timing) until it passes, at most TIMING_ATTEMPTS
    times; fail with every attempt's reason."""
    failures = []
    for _ in range(TIMING_ATTEMPTS):
        try:
            attempt()
            return
        except AssertionError as error:
            failures.append(str(error))
    pytest.fail(f"failed {TIMING_ATTEMPTS} attempts:\n" + "\n---\n".join(failures))


SHUTDOWN_WHILE_BEATING = """
import asyncio, time


async def main():
    loop = asyncio.get_running_loop()
    beats = []

    async def heartbeat():
        while True:
            await asyncio.sleep(0.01)
            beats.append(loop.time())

    beat = asyncio.create_task(heartbeat())
    loop.run_in_executor(None, time.sleep, 0.2)  # still sleeping at the shutdown
    await asyncio.sleep(0)
    start = loop.time()
    await loop.shutdown_default_executor()
    took = loop.time() - start
    beat.cancel()
    print(f"shutdown took {took:.2f} s; heartbeats meanwhile: {len(beats)}")

asyncio.run(main())
print("asyncio.run returned")
"""


def test_shutting_down_the_default_executor_leaves_the_loop_running(run) -> None:
    def attempt() -> None:
        result = run(SHUTDOWN_WHILE_BEATING, timeout=QUICK)
        assert result.lines[-1] == "asyncio.run returned", result.stdout
        took, beats = re.search(
            r"took ([\d.]+) s; heartbeats meanwhile: (\d+)", result.stdout
        ).groups()
        # It waited for the worker's 200 ms sleep, and the 10 ms heartbeat went on meanwhile.
        assert 0.15 <= float(took) < 0.5, result.stdout
        assert int(beats) >= 10, result.stdout

    in_one_of_several_attempts(attempt)


def test_asyncio_run_shuts_its_default_executor_down(run) -> None:
    result = run(
        """
        import asyncio, threading, time

        async def main():
            return await asyncio.to_thread(lambda: threading.current_thread().name)

        print(asyncio.run(main()))
        print("threads left:", threading.active_count())
        """,
        timeout=QUICK,
    )
    assert result.lines == ["asyncio_0", "threads left: 1"]


LOOP_TIMERS_BESIDE_SLEEPING_THREADS = """
import asyncio, time

async def main():
    loop = asyncio.get_running_loop()
    times = []

    async def heartbeat():
        while True:
            await asyncio.sleep(0.01)
            times.append(loop.time())

    beat = asyncio.create_task(heartbeat())
    start = loop.time()
    await asyncio.gather(*(asyncio.to_thread(time.sleep, 0.3) for _ in range(2)))
    elapsed = loop.time() - start
    beat.cancel()
    gaps = [b - a for a, b in zip(times, times[1:])]
    print(f"{elapsed:.2f} s, {len(times)} beats, longest gap {max(gaps) * 1000:.0f} ms")

asyncio.run(main())
"""


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_loop_timers_fire_on_time_while_threads_sleep(run, seed: int) -> None:
    def attempt() -> None:
        result = run(LOOP_TIMERS_BESIDE_SLEEPING_THREADS, seed=seed, timeout=QUICK)
        elapsed, beats, gap = re.search(
            r"([\d.]+) s, (\d+) beats, longest gap (\d+) ms", result.stdout
        ).groups()
        assert 0.29 <= float(elapsed) < 0.5, result.stdout
        # Every 10 ms for 300 ms: a loop frozen until the threads' wake-up would beat once.
        assert int(beats) >= 15, result.stdout
        assert int(gap) < 60, result.stdout

    in_one_of_several_attempts(attempt)


def test_a_loop_in_a_thread_serves_a_blocked_main_thread(run) -> None:
    """The main thread makes the loop (so it is the policy's default loop), a thread runs
    it, and the main thread blocks on a concurrent.futures.Future the loop resolves."""
    result = run(
        """
        import asyncio, threading

        async def double(n):
            await asyncio.sleep(0.02)
            return 2 * n

        loop = asyncio.new_event_loop()
        thread = threading.Thread(target=loop.run_forever)
        thread.start()
        for n in (1, 2):
            print(asyncio.run_coroutine_threadsafe(double(n), loop).result(timeout=1))
        loop.call_soon_threadsafe(loop.stop)
        thread.join()
        loop.close()
        print("closed")
        """,
        timeout=QUICK,
    )
    assert result.lines == ["2", "4", "closed"]


DEMOS = [
    "asyncio/to_thread.py",
    "asyncio/thread_feeds_queue.py",
    "asyncio/run_coroutine_threadsafe.py",
]


@pytest.mark.parametrize("seed", [1, 7, 99])
@pytest.mark.parametrize("name", DEMOS)
def test_the_asyncio_demos_hold_their_cpython_invariant(pyodide, name: str, seed: int) -> None:
    snippet = snippet_metadata.find(name)
    recorded = trim_lines(snippet.output_path.read_text(encoding="utf-8"))

    def attempt() -> None:  # their properties check a heartbeat's pace too
        result = pyodide.run(snippet.body(), filename=name, seed=seed, timeout=QUICK)
        assert result.status == "finished", f"{result.status}: {result.error}\n{result.output}"
        check(snippet, trim_lines(result.output), recorded)

    in_one_of_several_attempts(attempt)
