"""asyncio beside simulated threads.

- asyncio.run() in a thread waits for the browser (the loop runs on the browser's event
  loop): meanwhile the other threads run (external: the thread's EXTERNAL state). The
  loop's callbacks run as that thread, and only while it waits in asyncio.run(); those that
  come while it is busy wait for it (repost_deferred). Inside a callback (a coroutine's
  step) the thread is not preempted, time.sleep() freezes everything (in CPython it freezes
  the loop), and blocking on a thread primitive that would have to wait is an error, not a
  hang (block_in_handle).
- run_in_executor() and asyncio.to_thread() use a real ThreadPoolExecutor of simulated
  threads.
"""

from __future__ import annotations

import asyncio
import asyncio.events
import sys

from . import _run
from ._stacks import pending, suspend
from ._tasks import EXTERNAL, RUNNING, Wait

_original_handle_run = asyncio.events.Handle._run


def _handle_run(self):
    scheduler = _run.current
    if scheduler is None or not scheduler.active:
        return _original_handle_run(self)
    owner = scheduler.loop_owner.get(self._loop)
    if owner is None:  # a loop no thread waits on (Pyodide's own): not a thread's work
        return _original_handle_run(self)
    if scheduler.current is owner:
        return _in_handle(owner, self)
    if owner.state is not EXTERNAL or scheduler.current is not None:
        owner.deferred.append(self)  # its thread is busy: the loop waits for it
        return None
    scheduler._cancel_idle_timer()
    scheduler._run(owner)
    try:
        return _in_handle(owner, self)
    finally:
        if scheduler.active and scheduler.current is owner and owner.state is RUNNING:
            owner.state = EXTERNAL
            owner.wait = Wait("external", self._loop, None)
            scheduler._pass_baton()


def _in_handle(task, handle):
    """Run an event loop callback as `task`, the thread whose loop it is. That thread cannot
    be suspended inside it (Pyodide does not resume a loop callback's stack there):
    meanwhile it is never preempted, and time.sleep() blocks everything, as it blocks its
    loop in CPython."""
    previous = task.in_handle
    task.in_handle = True
    try:
        return _original_handle_run(handle)
    finally:
        task.in_handle = previous


def handle_hook(on: bool) -> None:
    """Route the loop's callbacks through the scheduler, during runs only: the wrapper's
    frame would otherwise keep a callback's task alive in runs without threads (Pyodide
    keeps the frames of a callback call), and asyncio could not tell that a task's
    exception was never retrieved."""
    asyncio.events.Handle._run = _handle_run if on else _original_handle_run


# --- a thread waiting for the browser, and the loop's callbacks while it is busy ---------


def external(scheduler, wait_for, loop):
    """Run `wait_for()` (which suspends on a browser promise) while other threads run."""
    task = scheduler.current
    previous = scheduler.loop_owner.get(loop)
    scheduler.loop_owner[loop] = task
    task.state = EXTERNAL
    task.wait = Wait("external", loop, None)
    scheduler.externals += 1
    if scheduler.recorder is not None:
        scheduler.recorder.block(task.lane, "io", "the browser (asyncio event loop)")
    scheduler._pass_baton()
    try:
        return wait_for()
    finally:
        scheduler.externals -= 1
        if previous is None:
            scheduler.loop_owner.pop(loop, None)
        else:
            scheduler.loop_owner[loop] = previous
        _take_back(scheduler, task)


def _take_back(scheduler, task) -> None:
    """`task` resumes on its own (its browser promise settled): it runs at once if
    nobody does, else it waits for its turn."""
    task.wait = None
    if scheduler.recorder is not None:
        scheduler.recorder.wake(task.lane, "woken")
    if scheduler.current is None:
        scheduler._cancel_idle_timer()
        scheduler._run(task)
        return
    promise, task.resume = pending()
    scheduler._make_ready(task)
    suspend(promise)
    scheduler._resumed(task)


def repost_deferred(scheduler) -> None:
    """Every thread waits: the loop callbacks that waited for their thread while it was
    busy (see _handle_run) go back on their loops."""
    for task in list(scheduler.tasks.values()):
        if task.deferred and task.state is EXTERNAL:
            handles, task.deferred = task.deferred, []
            for handle in handles:
                handle._loop.call_soon(_rerun, handle)


def _rerun(handle) -> None:
    if not handle.cancelled():
        handle._run()


def block_in_handle(scheduler, wait) -> bool:
    """A block inside an asyncio callback, where the stack cannot be suspended: a
    sleep freezes everything for its duration; a wait for another thread is refused."""
    if wait.kind == "sleep":
        from pyodide.webloop import _orig_sleep

        seconds = max(0.0, wait.deadline - scheduler.now())
        recorder = scheduler.recorder
        if recorder is not None:
            wait.frame = wait.frame or sys._getframe(1)
            scheduler._record_block(scheduler.current, wait)
        scheduler._commit()
        _orig_sleep(seconds)
        if scheduler.multi:
            scheduler.vnow += seconds
        else:
            scheduler._commit()
        if recorder is not None:
            recorder.wake(scheduler.current.lane, "timeout")
            recorder.run(scheduler.current.lane)
        return False
    raise RuntimeError(
        "a coroutine blocked on a threading primitive (it would wait for another "
        "thread, which the simulated threads cannot do inside the browser's event loop): "
        "use asyncio.to_thread() or an asyncio primitive instead"
    )


# --- the executor of run_in_executor() and asyncio.to_thread() -----------------------------


def _run_in_executor(self, executor, func, *args):
    if executor is None:
        executor = getattr(self, "_simthreads_executor", None)
        if executor is None:
            from concurrent.futures import ThreadPoolExecutor

            executor = ThreadPoolExecutor(thread_name_prefix="asyncio")
            self._simthreads_executor = executor
    return asyncio.wrap_future(executor.submit(func, *args), loop=self)


def _set_default_executor(self, executor):
    self._simthreads_executor = executor


async def _shutdown_default_executor(self, timeout=None):
    """As BaseEventLoop.shutdown_default_executor: a thread joins the pool's workers and
    tells the loop when it is done (the loop's thread cannot wait for them in a callback)."""
    import threading
    import warnings

    executor = getattr(self, "_simthreads_executor", None)
    if executor is None:
        return
    self._simthreads_executor = None
    future = self.create_future()
    thread = threading.Thread(target=_do_shutdown, args=(self, executor, future))
    thread.start()
    try:
        async with asyncio.timeout(timeout):
            await future
    except TimeoutError:
        warnings.warn(
            f"The executor did not finish joining its threads within {timeout} seconds.",
            RuntimeWarning,
            stacklevel=2,
        )
        executor.shutdown(wait=False)
    else:
        thread.join()  # it has nothing left to do but end: it ended before this callback


def _do_shutdown(loop, executor, future) -> None:
    try:
        executor.shutdown(wait=True)
        if not loop.is_closed():
            loop.call_soon_threadsafe(_set_result_unless_cancelled, future, None)
    except Exception as error:
        if not loop.is_closed() and not future.cancelled():
            loop.call_soon_threadsafe(future.set_exception, error)


def _set_result_unless_cancelled(future, result) -> None:
    if not future.cancelled():
        future.set_result(result)


def install() -> None:
    import asyncio.threads

    from pyodide import webloop

    original_run_sync = webloop.run_sync

    def run_sync(awaitable):
        scheduler = _run.current
        if scheduler is None or not scheduler.active or scheduler.current is None:
            return original_run_sync(awaitable)
        if asyncio.isfuture(awaitable):
            loop = awaitable.get_loop()
        else:
            loop = asyncio._get_running_loop()
        return external(scheduler, lambda: original_run_sync(awaitable), loop)

    webloop.run_sync = run_sync
    asyncio.to_thread = asyncio.threads.to_thread
    webloop.WebLoop.run_in_executor = _run_in_executor
    webloop.WebLoop.set_default_executor = _set_default_executor
    webloop.WebLoop.shutdown_default_executor = _shutdown_default_executor
