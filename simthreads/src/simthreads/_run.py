"""The current run: `current`, its Scheduler (None between runs), which the primitives,
the asyncio integration and the package's API read; starting a run, the page's Stop while
it is on (SIGINT), and its end, which unwinds the threads still blocked."""

from __future__ import annotations

import gc
import sys

from . import _preemption
from ._preemption import NO_SLICE
from ._scheduler import Scheduler
from ._stacks import JS, pending, suspend
from ._tasks import DONE, RUNNING, ThreadKilled

current: Scheduler | None = None


def start_run(seed: int, main_ident: int, recorder=None) -> Scheduler:
    global current
    from ._asyncio import handle_hook  # (it imports this module)

    current = _preemption.scheduler = Scheduler(seed, main_ident, recorder)
    _preemption.countdown = NO_SLICE
    handle_hook(True)
    return current


def on_interrupt(signum, frame) -> None:
    """SIGINT (the page's Stop on a page with cross-origin isolation) while a run is on.
    In the main thread, or with no run: KeyboardInterrupt, as Python's default handler.
    In another thread: nothing is raised here (this may be the middle of the scheduler's
    own work); the thread's next switch point hands over to the main thread instead."""
    scheduler = current
    running = scheduler.current if scheduler is not None and scheduler.active else None
    if running is None or running is scheduler.main:
        raise KeyboardInterrupt
    scheduler.interrupted = True
    _preemption.countdown = 0  # the next switch point comes at once


def current_scheduler() -> Scheduler | None:
    return current


class _Discard:
    """Where the output of threads being unwound goes (CPython stops daemon threads where
    they stand: their clean-up code does not print)."""

    def write(self, text):
        return len(text)

    def flush(self):
        pass


def _record_the_end(scheduler: Scheduler, leftovers: list) -> None:
    """The lanes take the threads' last names; the threads still there (daemon threads,
    deadlocked ones, the main thread) end with the run."""
    recorder = scheduler.recorder
    scheduler.rename_lanes()
    for task in leftovers:
        recorder.end(task.lane, None)
    main = scheduler.main
    if main.state is not DONE and main not in leftovers:
        recorder.end(main.lane, None)


def end_run() -> None:
    """After the main thread: unwind the threads still blocked (daemon threads, or all of
    them after a deadlock), one at a time and silently, then forget the run. Nothing may
    change the interpreter's monitoring (sys.settrace, set_events) while other stacks are
    suspended, so they must be gone before the runner cleans up."""
    global current
    scheduler = current
    if scheduler is None:
        return
    scheduler._cancel_idle_timer()
    leftovers = [t for t in scheduler.tasks.values() if t.state not in (DONE, RUNNING)]
    if scheduler.active and scheduler.recorder is not None:
        _record_the_end(scheduler, leftovers)
    scheduler.follow_real_clock()
    scheduler.active = False
    caller = scheduler.current
    saved = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = _Discard()
    try:
        from pyodide.ffi import can_run_sync

        unwinding = []
        for task in leftovers:
            scheduler._unqueue(task)
            task.abort = ThreadKilled()
            task.state = DONE
            resume, task.resume = task.resume, None
            if resume is not None:
                resume()
                unwinding.append(task)
        for _ in range(50):
            if all(task.finished for task in unwinding) or not can_run_sync():
                break
            promise, resolve = pending()
            JS.get().later(resolve, 0)
            suspend(promise)
    finally:
        sys.stdout, sys.stderr = saved
        scheduler.current = caller
    if scheduler.gc_was_enabled:
        gc.enable()
    from ._asyncio import handle_hook

    handle_hook(False)
    current = _preemption.scheduler = None
    _preemption.countdown = NO_SLICE
