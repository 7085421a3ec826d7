"""The event loop of a run and time.sleep, on Pyodide's WebLoop (and its private helpers:
the browser's task scheduling, the real sleep). RunLoop gives CPython's event loop semantics;
Policy makes one for each asyncio.run(); sleep() blocks as time.sleep does in CPython."""

from __future__ import annotations

import asyncio
import collections
import heapq
import sys
import time
from asyncio.base_events import _format_handle
from asyncio.constants import DEBUG_STACK_DEPTH
from asyncio.log import logger as _asyncio_logger

from pyodide.ffi import can_run_sync, create_once_callable, run_sync
from pyodide.webloop import _MAX_TIMEOUT_MS, WebLoop, WebLoopPolicy
from pyodide.webloop import _orig_sleep as _blocking_sleep
from pyodide_js._api import scheduleCallback

from guide.timeline.loop_trace import trace_loop

from . import state


class RunLoop(WebLoop):
    """CPython's event loop semantics on top of Pyodide's WebLoop, which schedules each
    callback on its own browser task (zero-delay callbacks then starve timers: a heartbeat
    of 10 ms beat every 100 ms beside a task that yields with sleep(0)), never closes and
    is always "running". Here, as in BaseEventLoop: a ready queue and a heap of timers,
    served in iterations (_run_once: due timers join the ready queue, then the callbacks
    ready at the start of the iteration run), one browser task per iteration; asyncio.run()
    gets a new loop each time and closes it; creating a loop does not make it the running
    loop; run_forever() runs until stop(); a closed loop refuses work; debug mode tracks
    coroutine origins and warns of slow callbacks. retire() drops what a run left, so that
    no callback of one run fires in the next."""

    slow_callback_duration = 0.1
    _clock_resolution = time.get_clock_info("monotonic").resolution

    def __init__(self) -> None:
        previous = asyncio._get_running_loop()
        super().__init__()
        asyncio._set_running_loop(previous)
        self._ready: collections.deque[asyncio.Handle] = collections.deque()
        self._scheduled: list[asyncio.TimerHandle] = []  # a heap
        self._tick_soon = False  # a zero-delay browser task is pending
        self._tick_at: float | None = None  # a browser timer is pending for then
        self._retired = False
        self._closed = False
        self._depth = 0
        self._stop_future: asyncio.Future | None = None
        state.run.loops.append(self)
        if state.run.recorder is not None:
            trace_loop(self, state.run.recorder)

    # --- scheduling ---------------------------------------------------------------------

    def call_soon(self, callback, *args, context=None):
        self._check_closed()
        handle = asyncio.Handle(callback, args, self, context)
        if handle._source_traceback:
            del handle._source_traceback[-1]
        self._ready.append(handle)
        self._wake()
        return handle

    def call_soon_threadsafe(self, callback, *args, context=None):
        return self.call_soon(callback, *args, context=context)

    def call_later(self, delay, callback, *args, context=None):
        if delay is None:
            raise TypeError("delay must not be None")
        return self.call_at(self.time() + delay, callback, *args, context=context)

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        timer = asyncio.TimerHandle(when, callback, args, self, context)
        if timer._source_traceback:
            del timer._source_traceback[-1]
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        self._wake()
        return timer

    def _timer_handle_cancelled(self, handle) -> None:
        pass  # cancelled timers are dropped when they reach the top of the heap

    def _wake(self) -> None:
        """Make sure a browser task comes for the next iteration: at once if callbacks are
        ready, else when the first timer is due."""
        if self._retired:
            return
        while self._scheduled and self._scheduled[0]._cancelled:
            heapq.heappop(self._scheduled)._scheduled = False
        if self._ready:
            if not self._tick_soon:
                self._tick_soon = True
                self._schedule_tick(0)
        elif self._scheduled:
            when = self._scheduled[0]._when
            if self._tick_at is None or when < self._tick_at:
                self._tick_at = when
                self._schedule_tick(max(0.0, when - self.time()))

    def _schedule_tick(self, delay: float) -> None:
        scheduleCallback(
            create_once_callable(self._run_once, _may_syncify=True),
            min(delay * 1000, _MAX_TIMEOUT_MS),
        )

    def _run_once(self) -> None:
        """One iteration, as BaseEventLoop._run_once."""
        self._tick_soon = False
        self._tick_at = None
        if self._retired:
            return
        # Another iteration may start while a callback of this one is suspended (stack
        # switching: the simulated threads switch inside callbacks); each takes what is
        # ready when it gets there.
        try:
            self._install_running_loop()
            self._install_asyncgen_hooks()
            end_time = self.time() + self._clock_resolution
            while self._scheduled and self._scheduled[0]._when < end_time:
                timer = heapq.heappop(self._scheduled)
                timer._scheduled = False
                self._ready.append(timer)
            timer = None
            for _ in range(len(self._ready)):
                if self._retired or not self._ready:
                    break
                handle = self._ready.popleft()
                if not handle._cancelled:
                    self._run_handle(handle)
                handle = None  # no reference to the callback once it has run
        finally:
            self._wake()

    def _run_handle(self, handle: asyncio.Handle) -> None:
        self._current_handle = handle
        try:
            if self._debug:
                sys.set_coroutine_origin_tracking_depth(DEBUG_STACK_DEPTH)
                start = self.time()
                handle._run()
                took = self.time() - start
                if took >= self.slow_callback_duration:
                    _asyncio_logger.warning(
                        "Executing %s took %.3f seconds", _format_handle(handle), took
                    )
            else:
                handle._run()
        except SystemExit as error:
            state.run.exit_code = error.code
            self.cancel_everything()
        except KeyboardInterrupt:  # Stop, while a callback ran
            state.run.stopping = True
            self.cancel_everything()
        finally:
            self._current_handle = None
            # Pyodide may keep this frame alive after the call: drop the callback now, or a
            # task it references outlives its last reference in the program.
            del handle

    def call_exception_handler(self, context) -> None:
        if not self._retired:  # e.g. "Task was destroyed but it is pending!" after the run
            super().call_exception_handler(context)

    # --- tasks --------------------------------------------------------------------------

    def create_task(self, coro, *, name=None, context=None, **kwargs):
        """As BaseEventLoop.create_task (WebLoop's fails with task factories), with task
        names counted from Task-1 in each run, as in a fresh CPython process."""
        self._check_closed()
        if self._task_factory is None:
            if name is None:
                name = f"Task-{next(state.run.task_names)}"
            task = asyncio.Task(coro, loop=self, name=name, context=context, **kwargs)
            if task._source_traceback:
                del task._source_traceback[-1]
        else:
            given = {"name": name, "context": context}
            given = {key: value for key, value in given.items() if value is not None}
            task = self._task_factory(self, coro, **given, **kwargs)
            if name is None:
                task.set_name(f"Task-{next(state.run.task_names)}")
        return task

    # --- lifecycle ----------------------------------------------------------------------

    def run_until_complete(self, future):
        self._check_closed()
        if self._depth:
            raise RuntimeError("This event loop is already running")
        # As in CPython, the loop is not running yet when the task is made: no eager start.
        future = asyncio.ensure_future(future, loop=self)
        return self._run_until(future)

    def run_forever(self) -> None:
        self._check_closed()
        if self._depth:
            raise RuntimeError("This event loop is already running")
        self._stop_future = self.create_future()
        try:
            self._run_until(self._stop_future)
        finally:
            self._stop_future = None

    def stop(self) -> None:
        future = self._stop_future
        if future is not None and not future.done():
            self.call_soon(future.set_result, None)  # after the callbacks ready now

    def _run_until(self, future):
        """Block the program (stack switching) until `future` is done; callbacks run."""
        previous = asyncio._get_running_loop()
        self._depth += 1
        try:
            super().run_until_complete(settled(future))
            return future.result()
        finally:
            self._depth -= 1
            asyncio._set_running_loop(previous)

    def is_running(self) -> bool:
        return self._depth > 0

    def is_closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        if self.is_running():
            raise RuntimeError("Cannot close a running event loop")
        if not self._closed:
            self._closed = True
            self._ready.clear()
            self._scheduled.clear()

    def _check_closed(self) -> None:
        if self._closed:
            raise RuntimeError("Event loop is closed")

    def cancel_everything(self) -> None:
        for task in asyncio.all_tasks(self):
            task.cancel()

    def retire(self) -> None:
        """The run is over: nothing of this loop runs any more."""
        self._retired = True
        self._ready.clear()
        self._scheduled.clear()


class Policy(WebLoopPolicy):
    """Pyodide's policy, making RunLoops."""

    def new_event_loop(self) -> RunLoop:
        self._default_loop = RunLoop()
        return self._default_loop


def sleep(seconds: float) -> None:
    """time.sleep. It blocks, as in CPython: inside a coroutine the whole event loop waits
    (Pyodide's would let other tasks run meanwhile). On a cross-origin isolated page the
    worker blocks on the interrupt buffer (Atomics.wait: exact, idle, and a Stop wakes it);
    elsewhere, outside coroutines, it waits on the browser's event loop (timers there are
    a few milliseconds late, sometimes tens), so that Stop is heard, and inside them Pyodide
    spins."""
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    state.interpreter.flush()
    if state.interpreter.block is not None:
        state.interpreter.block(seconds)
        return
    loop = asyncio._get_running_loop()
    in_task = loop is not None and asyncio.current_task(loop) is not None
    if in_task or not can_run_sync():
        _blocking_sleep(seconds)
    else:
        sleeping = asyncio.ensure_future(asyncio.sleep(seconds))
        run_sync(settled(sleeping))
        sleeping.result()


def settled(future: asyncio.Future) -> asyncio.Future:
    """A future of the same loop that completes, with None, when `future` is done, however
    it ends. run_sync waits on this one, and the caller then takes `future`'s result: an
    exception must not reject the promise run_sync waits on, or Pyodide prints it there
    (sys.excepthook), and the reader sees its traceback twice, the first one cut short."""
    marker = future.get_loop().create_future()

    def done(_future) -> None:
        if not marker.done():
            marker.set_result(None)

    future.add_done_callback(done)
    return marker
