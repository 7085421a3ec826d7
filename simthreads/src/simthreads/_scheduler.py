"""The scheduler: simulated threads taking turns on the one WebAssembly thread.

Exactly one simulated thread runs at a time: it holds the baton, as a CPython thread holds
the GIL. A thread gives the baton away when it blocks (lock, join, sleep, queue...) or when
its time slice ends (_preemption counts the slice down); it then suspends its whole stack
(_stacks) until the scheduler gives it the baton again. The ready list is a plain list:
which ready thread runs next is a seeded pick from it. When no thread can run and no timer
or browser event can wake one, every live thread waits forever: a deadlock (_report writes
the report, the main thread gets the Deadlock).

Time slices end at switch points of the reader's code only (function starts and backward
jumps, reported by sys.monitoring), after sys.getswitchinterval() of virtual time (_clock).
Every choice (which ready thread runs next, how long a slice lasts) comes from one random
generator seeded per run: the same program with the same seed interleaves the same way.
"""

from __future__ import annotations

import gc
import heapq
import itertools
import math
import random
import sys
import types

from . import _preemption, _user_code
from ._clock import SWITCH_COST, TICK, VirtualClock, real_perf_counter
from ._preemption import NO_SLICE, instrument_user_code, set_switch_points
from ._stacks import JS, pending, suspend
from ._tasks import BLOCKED, DONE, READY, RUNNING, Deadlock, Task, Wait

# The shortest slice, in switch points: a switch costs far more than a switch point (as a
# GIL hand-over does in CPython), so a 1 µs switch interval means "switch very often", not
# "switch at every point".
MIN_SLICE = 200


class Scheduler(VirtualClock):
    """The state of one run: its threads, who runs, who waits, the clock, the seed."""

    def __init__(self, seed: int, main_ident: int, recorder=None) -> None:
        self.seed = seed
        self.rng = random.Random(seed)
        self.main = Task(main_ident, daemon=False)
        self.main.state = RUNNING
        self.tasks: dict[int, Task] = {main_ident: self.main}
        self.current: Task | None = self.main
        self.ready: list[Task] = []
        self.timers: list = []  # heap of (deadline, order, task, wait)
        self.order = itertools.count()
        self.idents = itertools.count(main_ident + 1)
        self.alive = 1
        super().__init__()  # the clock: the real one until a second thread starts
        self.idle_timer = None
        self.idle_deadline = None
        self.externals = 0
        self.loop_owner: dict = {}
        self.switches = 0
        self.instrumented = False
        self.codes: list = []  # the program's code objects with switch points
        self.gc_was_enabled: bool | None = None
        self.active = True
        self.deadlocked: str | None = None
        # The page's Stop (SIGINT) came while a thread other than the main one ran: the
        # main thread gets the KeyboardInterrupt at that thread's next switch point.
        self.interrupted = False
        self._timer_proxy = None
        # A guide_timeline.Recorder (duck-typed) the run records its timeline into, or
        # None. Recording happens at switches, blocks, wakes and ends only: never at the
        # switch points themselves.
        self.recorder = recorder
        self.names: dict = {}  # id(object) -> (object, how the reader's code names it)
        if recorder is not None:
            from ._report import blocked_on  # (it imports this module)

            self.blocked_on = blocked_on
            recorder.use_clock(self.now, virtual=True)
            start = self.now()
            recorder.lane(self.main.lane, "MainThread", "thread", None, t=start)
            recorder.run(self.main.lane, t=start)

    # --- time slices -------------------------------------------------------------------

    def _new_slice(self) -> None:
        """A fresh time slice: the switch interval (with a little seeded jitter, as real
        timing has), cut short where the next timed wait ends."""
        if not self.multi:
            _preemption.countdown = self.mark = NO_SLICE
            return
        interval = max(sys.getswitchinterval(), 1e-6)
        length = max(MIN_SLICE, int(interval / TICK * self.rng.uniform(1.0, 1.25)))
        deadline = self._next_deadline()
        if deadline is not None:
            length = max(1, min(length, math.ceil((deadline - self.vnow) / TICK)))
        _preemption.countdown = self.mark = length

    def _set_multi(self, multi: bool) -> None:
        if multi == self.multi:
            return
        self._commit()
        self.multi = multi
        self.idle_since = None
        if not multi:
            self.real_anchor = real_perf_counter()
        self._new_slice()
        # Python 3.14's cyclic GC walks the frames of the running stack to its very bottom,
        # and with switched stacks that chain can lead into frames that are gone: no
        # automatic collection once threads have run together (the garbage waits for the
        # end of the run, when only the main stack is left).
        if multi and self.gc_was_enabled is None:
            self.gc_was_enabled = gc.isenabled()
            gc.disable()
        # Alone again, a thread runs the program's code at full speed (no switch points);
        # they come back with the next thread.
        if self.codes:
            set_switch_points(self.codes, on=multi)

    # --- threads becoming ready, running, waiting ----------------------------------------

    def _next_deadline(self):
        timers = self.timers
        while timers:
            deadline, _, task, wait = timers[0]
            if task.state is BLOCKED and task.wait is wait:
                return deadline
            heapq.heappop(timers)
        return None

    def _expire(self) -> None:
        """Wake the threads whose timed wait is over (they timed out)."""
        timers = self.timers
        now = self.now()
        while timers and timers[0][0] <= now:
            _, _, task, wait = heapq.heappop(timers)
            if task.state is BLOCKED and task.wait is wait:
                self._unqueue(task)
                task.woken = False
                self._make_ready(task)
                if self.recorder is not None:
                    self.recorder.wake(task.lane, "timeout")

    @staticmethod
    def _unqueue(task: Task) -> None:
        queue = task.wait.queue if task.wait is not None else None
        if queue is not None:
            try:
                queue.remove(task)
            except ValueError:
                pass

    def _make_ready(self, task: Task) -> None:
        task.state = READY
        task.wait = None
        if not self.ready and self.current is not None and self.multi:
            # A thread now waits for its turn, as for the GIL: the running one may go on
            # for one more switch interval.
            self._commit()
            self._new_slice()
        self.ready.append(task)

    def wake(self, task: Task) -> None:
        """End `task`'s wait (it was notified, the lock it wants was released...)."""
        if task.state is BLOCKED:
            self._unqueue(task)
            task.woken = True
            self._make_ready(task)
            if self.recorder is not None:
                self.recorder.wake(task.lane, "woken")

    def _pick(self) -> Task | None:
        ready = self.ready
        if not ready:
            return None
        index = self.rng.randrange(len(ready)) if len(ready) > 1 else 0
        return ready.pop(index)

    def _run(self, task: Task) -> None:
        """Give `task` the baton: it resumes once the running stack has suspended."""
        if self.interrupted and task is self.main and task.abort is None:
            # A Stop came while another thread ran, which then blocked before its next
            # switch point: the main thread takes the KeyboardInterrupt where it resumes.
            self.interrupted = False
            task.abort = KeyboardInterrupt()
        self._commit()
        self.idle_since = None
        self.current = task
        task.state = RUNNING
        self.switches += 1
        if self.multi:
            self.vnow += SWITCH_COST
        self._new_slice()
        if self.recorder is not None:
            self.recorder.run(task.lane)
        resume, task.resume = task.resume, None
        if resume is not None:
            resume()

    def _pass_baton(self) -> None:
        """The running thread stops running (it blocked, ended or waits for the browser):
        the next ready thread runs, or the scheduler waits for a timer or an event."""
        self._commit()
        self._expire()
        task = self._pick()
        if task is not None:
            self._run(task)
        else:
            self._idle()

    def _idle(self) -> None:
        from ._asyncio import repost_deferred  # (_asyncio imports _run, which imports this)

        self.current = None
        if self.recorder is not None:
            self.recorder.idle()
        if self.multi and self.externals:
            # The program waits for the browser, on the real clock (a loop's timers).
            self._commit()
            self.idle_since = real_perf_counter()
        deadline = self._next_deadline()
        if deadline is not None:
            delay = max(0.0, deadline - self.now())
            self.idle_deadline = deadline
            if self._timer_proxy is None:
                from pyodide.ffi import create_proxy

                self._timer_proxy = create_proxy(self._on_timer)
            self.idle_timer = JS.get().later(self._timer_proxy, delay * 1000)
        elif self.externals == 0:
            self._deadlock()
        repost_deferred(self)

    def _on_timer(self) -> None:
        """A timed wait is over while every thread waited (JavaScript timer)."""
        self.idle_timer = None
        if not self.active or self.current is not None:
            return
        if self.multi and self.idle_deadline is not None:
            self._commit()
            self.vnow = max(self.vnow, self.idle_deadline)
        self._pass_baton()

    def _cancel_idle_timer(self) -> None:
        if self.idle_timer is not None:
            JS.get().cancel(self.idle_timer)
            self.idle_timer = None

    def _suspend_current(self, task: Task) -> None:
        """Suspend `task` (no longer running) until the scheduler resumes it."""
        promise, task.resume = pending()
        self._pass_baton()
        if task.state is not RUNNING:
            suspend(promise)
        self._resumed(task)

    def _switch(self, task: Task, nxt: Task) -> None:
        """The running `task` goes to the back of the ready list and `nxt` (already off it)
        runs; `task` goes on from here when the scheduler gives it the baton again."""
        task.state = READY
        self.ready.append(task)
        promise, task.resume = pending()
        self._run(nxt)
        suspend(promise)
        self._resumed(task)

    def _resumed(self, task: Task) -> None:
        if task.abort is not None:
            error, task.abort = task.abort, None
            if not self.active:
                self.current = task  # unwinding at the end of the run (_run.end_run)
            raise error

    def block(self, wait: Wait) -> bool:
        """Block the running thread until woken (True) or until wait.deadline (False)."""
        task = self.current
        if task is None:
            raise RuntimeError("simthreads: blocking outside of any simulated thread")
        if task.in_handle:
            from ._asyncio import block_in_handle  # (see _idle)

            return block_in_handle(self, wait)
        task.state = BLOCKED
        task.wait = wait
        task.woken = False
        if wait.queue is not None:
            wait.queue.append(task)
        if wait.deadline is not None:
            heapq.heappush(self.timers, (wait.deadline, next(self.order), task, wait))
        if wait.frame is None:
            wait.frame = sys._getframe(1)
        if self.recorder is not None:
            self._record_block(task, wait)
        self._suspend_current(task)
        return task.woken

    def _record_block(self, task: Task, wait: Wait) -> None:
        reason, what = self.blocked_on(self, wait)
        self.recorder.block(task.lane, reason, what)

    def yield_(self) -> None:
        """time.sleep(0): let another ready thread run, if there is one."""
        task = self.current
        self._commit()
        self._expire()
        if task is None or not self.ready or task.in_handle:
            return
        self._switch(task, self._pick())

    def interrupt_main(self) -> bool:
        """Make the main thread, blocked or ready, the next to run, with KeyboardInterrupt
        raised where it waits (as CPython delivers Ctrl-C to the main thread only).
        False if it is neither (it runs, or it is over)."""
        main = self.main
        if main.state is READY:
            self.ready.remove(main)
        elif main.state is BLOCKED:
            self._unqueue(main)
        else:
            return False
        main.abort = KeyboardInterrupt()
        main.wait = None
        main.state = READY
        self.ready.insert(0, main)
        return True

    def _hand_over_to_main(self, task: Task) -> None:
        """At a switch point of `task` after a Stop: the main thread runs now (it raises
        KeyboardInterrupt and the run ends; _run.end_run unwinds `task`, which stays ready)."""
        self.ready.remove(self.main)
        self._switch(task, self.main)

    def slice_end(self) -> None:
        """The running thread's time slice is over: switch if another thread waits."""
        task = self.current
        if self.interrupted and task is not None and not task.in_handle:
            self.interrupted = False
            if task is self.main:
                raise KeyboardInterrupt
            if self.interrupt_main():
                self._hand_over_to_main(task)
                return
        self._commit()
        waiting = bool(self.ready)
        self._expire()
        if task is None or task.state is not RUNNING or not waiting or task.in_handle:
            self._new_slice()
            return
        self._switch(task, self._pick())

    # --- starting and ending threads ---------------------------------------------------

    def spawn(self, function, daemon: bool, handle=None) -> Task:
        from pyodide.ffi import create_proxy

        task = Task(next(self.idents), daemon, handle)
        self.tasks[task.ident] = task
        promise, task.resume = pending()

        def entry():  # the bottom of the thread's stack (see _user_code.program_frames)
            try:
                suspend(promise)
                self._resumed(task)
                function()
            except BaseException:
                pass  # threading's bootstrap reports what the thread raised
            finally:
                # The thread's locals go first, on its own stack, as CPython clears a
                # thread's state before it counts the thread as gone.
                task.locals = None
                self._finish(task)
                task.finished = True

        self.alive += 1
        self._make_ready(task)
        if self.alive == 2:
            self._set_multi(True)
        if self.multi and not self.instrumented:
            self.instrumented = True
            self.codes = instrument_user_code(sys._getframe(1))
        JS.get().spawn(create_proxy(entry))
        return task

    def rename_lanes(self) -> None:
        """The lanes take the threads' names as they are now (often set after start)."""
        for task in self.tasks.values():
            self.recorder.rename(task.lane, task.name)

    def record_start(self, task: Task) -> None:
        """`task` was just started by the running thread: its lane on the timeline."""
        parent = self.current.lane if self.current is not None else None
        self.recorder.lane(task.lane, task.name, "thread", parent)

    def _finish(self, task: Task) -> None:
        task.state = DONE
        if self.active and self.recorder is not None:
            self.recorder.rename(task.lane, task.name)
            self.recorder.end(task.lane, task.outcome)
        if task.handle is not None:
            task.handle._set_done()
        self.alive -= 1
        if not self.active:
            return
        if self.alive == 1:
            self._set_multi(False)
        if self.current is task:
            self._pass_baton()

    # --- deadlock ----------------------------------------------------------------------

    def _deadlock(self) -> None:
        from ._report import deadlock_details

        report, cycle = deadlock_details(self)
        self.deadlocked = report
        if self.recorder is not None:
            self.rename_lanes()
            self.recorder.deadlock(cycle)
        main = self.main
        if main.state is BLOCKED:
            self._unqueue(main)
            main.abort = Deadlock(report)
            main.wait = None
            self.current = main
            main.state = RUNNING
            if self.recorder is not None:
                self.recorder.run(main.lane)
            resume, main.resume = main.resume, None
            if resume is not None:
                resume()


def _entry_code():
    """The code object of Scheduler.spawn's `entry`, the bottom frame of every thread."""
    for const in Scheduler.spawn.__code__.co_consts:
        if isinstance(const, types.CodeType) and const.co_name == "entry":
            return const
    raise RuntimeError("simthreads: no entry function in Scheduler.spawn")


_user_code.set_thread_entry(_entry_code())
