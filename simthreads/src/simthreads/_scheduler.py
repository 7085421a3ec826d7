"""The scheduler: simulated threads taking turns on the one WebAssembly thread.

Each simulated thread runs on its own stack (a promising call into Pyodide). Exactly one
runs at a time: it holds the baton, as a CPython thread holds the GIL. A thread gives the
baton away when it blocks (lock, join, sleep, queue...) or when its time slice ends; it then
suspends its whole stack with `pyodide.ffi.run_sync` on a JavaScript promise that the
scheduler resolves when the thread's turn comes again (JSPI, WebAssembly stack switching).

Time slices end at switch points of the reader's code only (function starts and backward
jumps, reported by sys.monitoring), after sys.getswitchinterval() of virtual time. Virtual
time advances by TICK at every switch point and by SWITCH_COST at every switch while two
or more threads are alive, jumps
forward when every thread sleeps (after really waiting that long, so that the page shows
the pauses), and follows the real clock while one thread is alive, or while every thread
waits and one of them waits for the browser (an asyncio loop's timers, which fire on the
real clock, come due then as they would in CPython). Every choice (which
ready thread runs next, how long a slice lasts) comes from one random generator seeded per
run: the same program with the same seed interleaves the same way.
"""

from __future__ import annotations

import asyncio
import gc
import heapq
import itertools
import math
import random
import sys
import time as _time
import types

# The real clock, captured before install() gives the time module virtual clocks.
_real_perf_counter = _time.perf_counter

RUNNING = "running"
READY = "ready"
BLOCKED = "blocked"
EXTERNAL = "external"  # waits for the browser (asyncio.run): the scheduler cannot wake it
DONE = "done"

TICK = 1e-6  # virtual seconds per switch point while several threads are alive
# The shortest slice, in switch points: a switch costs far more than a switch point (as a
# GIL hand-over does in CPython), so a 1 µs switch interval means "switch very often", not
# "switch at every point".
MIN_SLICE = 200
# Virtual time one switch costs (waking a thread, handing over the GIL): a program that
# loops until a deadline hands over as often as it would on CPython, not thousands of times
# more (each switch costs far more real time here).
SWITCH_COST = 50e-6
TOOL_NAME = "simthreads"

# Hot path: the switch points left in the current slice (a module global: the monitoring
# callbacks run millions of times).
_countdown = 1 << 62
_scheduler: Scheduler | None = None
_user_files: set[str] = set()
_other_files: set[str] = set()
_library_prefixes: tuple[str, ...] = ()


def ThreadKilled() -> SystemExit:
    """What unwinds a thread still blocked when the run ends: a plain SystemExit, which
    threading.excepthook ignores silently (a subclass would be printed)."""
    error = SystemExit()
    error.simthreads_killed = True
    return error


class Deadlock(BaseException):
    """Every live thread waits for something that no thread can ever give it. Raised in the
    main thread; `report` says who waits for what and who holds it."""

    def __init__(self, report: str) -> None:
        super().__init__(report)
        self.report = report

    @property
    def deadlock_report(self) -> str:
        return self.report


class Wait:
    """What a blocked thread waits for: `kind` (lock, join, sleep, condition...), `obj` (the
    lock, the thread handle...), `deadline` (virtual time, or None: forever), `queue` (the
    list of waiting threads it sits in, if any), `frame` (where it waits, for reports)."""

    __slots__ = ("deadline", "frame", "kind", "obj", "queue")

    def __init__(self, kind, obj, deadline, queue=None, frame=None) -> None:
        self.kind = kind
        self.obj = obj
        self.deadline = deadline
        self.queue = queue
        self.frame = frame


class Task:
    """One simulated thread, as the scheduler sees it."""

    __slots__ = (
        "abort",
        "daemon",
        "deferred",
        "finished",
        "handle",
        "ident",
        "in_handle",
        "lane",
        "last_name",
        "locals",
        "outcome",
        "resume",
        "state",
        "thread",
        "wait",
        "woken",
    )

    def __init__(self, ident: int, daemon: bool, handle=None) -> None:
        self.ident = ident
        self.daemon = daemon
        self.handle = handle
        self.state = READY
        self.wait: Wait | None = None
        self.woken = False
        self.resume = None  # resolves the promise this thread is suspended on
        self.abort: BaseException | None = None  # raised where it resumes
        self.deferred: list = []  # asyncio handles of its loop that must wait for it
        self.finished = False  # its stack has returned
        self.thread = None  # a weak reference to its threading.Thread, if it has one
        self.in_handle = False  # running an asyncio callback: no switching (see _asyncio)
        self.lane = f"T{ident}"  # its lane on a timeline
        self.last_name: str | None = None  # its Thread's name when last seen (see name)
        self.outcome = "returned"  # how it ended, for a timeline ("raised ValueError")
        self.locals: dict | None = None  # its thread-local namespaces (_primitives.TaskLocal)

    @property
    def name(self) -> str:
        import threading

        thread = self.thread() if self.thread is not None else None
        thread = thread or threading._active.get(self.ident) or _thread_in_limbo(self.ident)
        if thread is not None:
            self.last_name = thread.name
        # a Thread object dropped after its join leaves its lane the name it last had
        return self.last_name or f"thread {self.ident}"

    def __repr__(self) -> str:
        return f"<Task {self.name} {self.state}>"


def _thread_in_limbo(ident):
    import threading

    for thread in list(threading._limbo):
        handle = getattr(thread, "_os_thread_handle", None)
        if getattr(handle, "ident", None) == ident:
            return thread
    return None


class _JS:
    """The few JavaScript functions the scheduler needs (created on first use)."""

    glue = None

    @classmethod
    def get(cls):
        if cls.glue is None:
            from pyodide.code import run_js

            cls.glue = run_js(
                """({
                  deferred() {
                    let resolve;
                    const promise = new Promise((r) => { resolve = r; });
                    return [promise, resolve];
                  },
                  later(f, ms) { return setTimeout(() => f(), ms); },
                  cancel(id) { clearTimeout(id); },
                  spawn(f) {
                    f.callPromising()
                      .catch((e) => console.error("simthreads: a thread's stack failed", e))
                      .finally(() => f.destroy());
                  },
                })"""
            )
        return cls.glue


def _deferred():
    pair = _JS.get().deferred()
    return pair[0], pair[1]


def _suspend(promise) -> None:
    """Suspend the running stack until `promise` settles. Meanwhile Pyodide keeps what it
    needs to resume the stack on the thread's current event loop (asyncio.get_event_loop():
    the policy's default loop when none runs). That must be a loop no simulated thread
    owns, or the callback that resumes this thread would wait for the thread owning it."""
    from pyodide.ffi import run_sync

    loop = asyncio._get_running_loop()
    asyncio._set_running_loop(_neutral_loop())
    try:
        run_sync(promise)
    finally:
        asyncio._set_running_loop(loop)


def _neutral_loop():
    """A plain Pyodide WebLoop of the runtime's own, which no thread runs."""
    loop = _Persistent.neutral_loop
    if loop is None:
        from pyodide.webloop import WebLoop

        running = asyncio._get_running_loop()
        loop = _Persistent.neutral_loop = WebLoop()
        asyncio._set_running_loop(running)
    return loop


class Scheduler:
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
        self.multi = False
        self.vnow = self.real_anchor = _real_perf_counter()  # starts at the real clock
        self.mark = 0  # _countdown when the clock was last brought up to date
        self.idle_timer = None
        self.idle_deadline = None
        # While every thread waits and one waits for the browser: when the real clock was
        # last read (virtual time follows it then), else None.
        self.idle_since: float | None = None
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

    # --- the clock ---------------------------------------------------------------------

    def now(self) -> float:
        if self.multi:
            if self.idle_since is not None:
                return self.vnow + (_real_perf_counter() - self.idle_since)
            return self.vnow + (self.mark - _countdown) * TICK
        return self.vnow + (_real_perf_counter() - self.real_anchor)

    def _commit(self) -> None:
        if self.multi:
            self.vnow += (self.mark - _countdown) * TICK
            self.mark = _countdown
            if self.idle_since is not None:
                real = _real_perf_counter()
                self.vnow += real - self.idle_since
                self.idle_since = real
        else:
            real = _real_perf_counter()
            self.vnow += real - self.real_anchor
            self.real_anchor = real

    def _new_slice(self) -> None:
        """A fresh time slice: the switch interval (with a little seeded jitter, as real
        timing has), cut short where the next timed wait ends."""
        global _countdown
        if not self.multi:
            _countdown = self.mark = 1 << 62
            return
        interval = max(sys.getswitchinterval(), 1e-6)
        length = max(MIN_SLICE, int(interval / TICK * self.rng.uniform(1.0, 1.25)))
        deadline = self._next_deadline()
        if deadline is not None:
            length = max(1, min(length, math.ceil((deadline - self.vnow) / TICK)))
        _countdown = self.mark = length

    def _set_multi(self, multi: bool) -> None:
        if multi == self.multi:
            return
        self._commit()
        self.multi = multi
        self.idle_since = None
        if not multi:
            self.real_anchor = _real_perf_counter()
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
        global _countdown
        self.current = None
        if self.recorder is not None:
            self.recorder.idle()
        if self.multi and self.externals:
            # The program waits for the browser, on the real clock (a loop's timers).
            self._commit()
            self.idle_since = _real_perf_counter()
        deadline = self._next_deadline()
        if deadline is not None:
            delay = max(0.0, deadline - self.now())
            self.idle_deadline = deadline
            if self._timer_proxy is None:
                from pyodide.ffi import create_proxy

                self._timer_proxy = create_proxy(self._on_timer)
            self.idle_timer = _JS.get().later(self._timer_proxy, delay * 1000)
        elif self.externals == 0:
            self._deadlock()
        _repost_deferred(self)

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
            _JS.get().cancel(self.idle_timer)
            self.idle_timer = None

    def _suspend_current(self, task: Task) -> None:
        """Suspend `task` (no longer running) until the scheduler resumes it."""
        promise, task.resume = _deferred()
        self._pass_baton()
        if task.state is not RUNNING:
            _suspend(promise)
        self._resumed(task)

    def _switch(self, task: Task, nxt: Task) -> None:
        """The running `task` goes to the back of the ready list and `nxt` (already off it)
        runs; `task` goes on from here when the scheduler gives it the baton again."""
        task.state = READY
        self.ready.append(task)
        promise, task.resume = _deferred()
        self._run(nxt)
        _suspend(promise)
        self._resumed(task)

    def _resumed(self, task: Task) -> None:
        if task.abort is not None:
            error, task.abort = task.abort, None
            if not self.active:
                self.current = task  # unwinding at the end of the run (end_run)
            raise error

    def block(self, wait: Wait) -> bool:
        """Block the running thread until woken (True) or until wait.deadline (False)."""
        task = self.current
        if task is None:
            raise RuntimeError("simthreads: blocking outside of any simulated thread")
        if task.in_handle:
            return self._block_in_handle(wait)
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

    def _block_in_handle(self, wait: Wait) -> bool:
        """A block inside an asyncio callback, where the stack cannot be suspended: a
        sleep freezes everything for its duration; a wait for another thread is refused."""
        if wait.kind == "sleep":
            from pyodide.webloop import _orig_sleep

            seconds = max(0.0, wait.deadline - self.now())
            recorder = self.recorder
            if recorder is not None:
                wait.frame = wait.frame or sys._getframe(1)
                self._record_block(self.current, wait)
            self._commit()
            _orig_sleep(seconds)
            if self.multi:
                self.vnow += seconds
            else:
                self._commit()
            if recorder is not None:
                recorder.wake(self.current.lane, "timeout")
                recorder.run(self.current.lane)
            return False
        raise RuntimeError(
            "a coroutine blocked on a threading primitive (it would wait for another "
            "thread, which the simulated threads cannot do inside the browser's event loop): "
            "use asyncio.to_thread() or an asyncio primitive instead"
        )

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
        KeyboardInterrupt and the run ends; end_run unwinds `task`, which stays ready)."""
        self.ready.remove(self.main)
        self._switch(task, self.main)

    def slice_end(self) -> None:
        """The running thread's time slice is over: switch if another thread waits."""
        global _countdown
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
        promise, task.resume = _deferred()

        def entry():  # the bottom of the thread's stack (see program_frames)
            try:
                _suspend(promise)
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
        _JS.get().spawn(create_proxy(entry))
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

    # --- waiting for the browser (asyncio.run inside a thread) -------------------------

    def external(self, wait_for, loop):
        """Run `wait_for()` (which suspends on a browser promise) while other threads run."""
        task = self.current
        previous = self.loop_owner.get(loop)
        self.loop_owner[loop] = task
        task.state = EXTERNAL
        task.wait = Wait("external", loop, None)
        self.externals += 1
        if self.recorder is not None:
            self.recorder.block(task.lane, "io", "the browser (asyncio event loop)")
        self._pass_baton()
        try:
            return wait_for()
        finally:
            self.externals -= 1
            if previous is None:
                self.loop_owner.pop(loop, None)
            else:
                self.loop_owner[loop] = previous
            self._take_back(task)

    def _take_back(self, task: Task) -> None:
        """`task` resumes on its own (its browser promise settled): it runs at once if
        nobody does, else it waits for its turn."""
        task.wait = None
        if self.recorder is not None:
            self.recorder.wake(task.lane, "woken")
        if self.current is None:
            self._cancel_idle_timer()
            self._run(task)
            return
        promise, task.resume = _deferred()
        self._make_ready(task)
        _suspend(promise)
        self._resumed(task)

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


def _repost_deferred(scheduler: Scheduler) -> None:
    for task in list(scheduler.tasks.values()):
        if task.deferred and task.state is EXTERNAL:
            handles, task.deferred = task.deferred, []
            for handle in handles:
                handle._loop.call_soon(_rerun, handle)


def _rerun(handle) -> None:
    if not handle.cancelled():
        handle._run()


# --- sys.monitoring: switch points in the reader's code ---------------------------------


class _Persistent:
    """State kept across runs. Not in module globals: the runner puts every module's
    globals back as they were after install() when a run ends."""

    tool_id: int | None = None
    neutral_loop = None  # see _neutral_loop


def _is_user_file(filename: str) -> bool:
    if filename in _user_files:
        return True
    if filename in _other_files:
        return False
    user = not filename.startswith("<") and not filename.startswith(_library_prefixes)
    (_user_files if user else _other_files).add(filename)
    return user


def _on_start(code, offset):
    global _countdown
    _countdown -= 1
    if _countdown <= 0:
        scheduler = _scheduler
        if scheduler is not None and scheduler.active:
            scheduler.slice_end()
        else:
            _countdown = 1 << 62


def _on_jump(code, offset, destination):
    global _countdown
    if destination > offset:
        return sys.monitoring.DISABLE  # forward jumps are not switch points
    _countdown -= 1
    if _countdown <= 0:
        scheduler = _scheduler
        if scheduler is not None and scheduler.active:
            scheduler.slice_end()
        else:
            _countdown = 1 << 62
    return None


def _register_tool() -> int:
    if _Persistent.tool_id is not None:
        return _Persistent.tool_id
    monitoring = sys.monitoring
    for tool in (4, 3, 5, 2, 1, 0):
        if monitoring.get_tool(tool) is None:
            monitoring.use_tool_id(tool, TOOL_NAME)
            monitoring.register_callback(tool, monitoring.events.PY_START, _on_start)
            monitoring.register_callback(tool, monitoring.events.JUMP, _on_jump)
            _Persistent.tool_id = tool
            return tool
    raise RuntimeError("simthreads: no free sys.monitoring tool id")


def program_frames(frame):
    """The frames from `frame` outward, as far as it is safe to go: up to the end of the
    program's own frames (the first library frame after them), and never past the bottom
    of a simulated thread's stack. Below those, Pyodide's stack switching can leave frame
    links dangling: following them crashes the interpreter."""
    seen_user = False
    while frame is not None:
        code = frame.f_code
        user = _is_user_file(code.co_filename)
        if seen_user and not user:
            return
        yield frame
        if code is _ENTRY_CODE:
            return
        seen_user = seen_user or user
        frame = frame.f_back


def _code_objects(code, found: list) -> None:
    found.append(code)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            _code_objects(const, found)


def _functions_code(value, found: list, depth: int = 0) -> None:
    code = getattr(value, "__code__", None)
    if isinstance(code, types.CodeType):
        _code_objects(code, found)
    elif isinstance(value, (staticmethod, classmethod)):
        _functions_code(value.__func__, found, depth)
    elif isinstance(value, property):
        for part in (value.fget, value.fset, value.fdel):
            _functions_code(part, found, depth)
    elif isinstance(value, type) and depth == 0:
        for member in list(vars(value).values()):
            _functions_code(member, found, depth + 1)


def set_switch_points(codes, *, on: bool) -> None:
    tool = _register_tool()
    events = (sys.monitoring.events.PY_START | sys.monitoring.events.JUMP) if on else 0
    for code in codes:
        sys.monitoring.set_local_events(tool, code, events)


def instrument_user_code(frame=None) -> list:
    """Switch points on, in the reader's code only: sys.monitoring local events on every
    code object of the program (the module's code, found on the calling stack, with all
    the functions, classes and lambdas compiled in it, and the functions in __main__ and
    in the program's own modules imported so far: a thread busy-waiting in a function of
    an imported module must be preempted too).

    Local events, never global ones: sys.monitoring.set_events() and sys.settrace() walk
    the frames of the running stack, which Pyodide's stack switching can leave dangling."""
    found: list = []
    for each in program_frames(frame if frame is not None else sys._getframe(1)):
        if _is_user_file(each.f_code.co_filename):
            _code_objects(each.f_code, found)
    main = sys.modules.get("__main__")
    for module in list(sys.modules.values()):
        filename = getattr(module, "__file__", None)
        if module is main or (isinstance(filename, str) and _is_user_file(filename)):
            for value in list(getattr(module, "__dict__", {}).values()):
                _functions_code(value, found)
    codes, seen = [], set()
    for code in found:
        if id(code) not in seen and _is_user_file(code.co_filename):
            seen.add(id(code))
            codes.append(code)
    set_switch_points(codes, on=True)
    return codes


def set_library_prefixes(prefixes) -> None:
    """Code in files under these directories is never preempted (the standard library,
    installed packages, the runner): switch points are in the reader's code only."""
    global _library_prefixes
    _library_prefixes = tuple(prefixes)
    _user_files.clear()
    _other_files.clear()


def _entry_code():
    """The code object of Scheduler.spawn's `entry`, the bottom frame of every thread."""
    for const in Scheduler.spawn.__code__.co_consts:
        if isinstance(const, types.CodeType) and const.co_name == "entry":
            return const
    raise RuntimeError("simthreads: no entry function in Scheduler.spawn")


_ENTRY_CODE = _entry_code()


def start_run(seed: int, main_ident: int, recorder=None) -> Scheduler:
    global _scheduler, _countdown
    from ._asyncio import handle_hook

    _scheduler = Scheduler(seed, main_ident, recorder)
    _countdown = 1 << 62
    handle_hook(True)
    return _scheduler


def on_interrupt(signum, frame) -> None:
    """SIGINT (the page's Stop on a page with cross-origin isolation) while a run is on.
    In the main thread, or with no run: KeyboardInterrupt, as Python's default handler.
    In another thread: nothing is raised here (this may be the middle of the scheduler's
    own work); the thread's next switch point hands over to the main thread instead."""
    global _countdown
    scheduler = _scheduler
    current = scheduler.current if scheduler is not None and scheduler.active else None
    if current is None or current is scheduler.main:
        raise KeyboardInterrupt
    scheduler.interrupted = True
    _countdown = 0  # the next switch point comes at once


def current_scheduler() -> Scheduler | None:
    return _scheduler


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
    global _scheduler, _countdown
    scheduler = _scheduler
    if scheduler is None:
        return
    scheduler._cancel_idle_timer()
    leftovers = [t for t in scheduler.tasks.values() if t.state not in (DONE, RUNNING)]
    if scheduler.active and scheduler.recorder is not None:
        _record_the_end(scheduler, leftovers)
    # From now on the clock follows the real one (a recorder may still read it when it
    # finishes): the switch-point countdown no longer counts virtual time.
    scheduler._commit()
    scheduler.multi = False
    scheduler.idle_since = None
    scheduler.real_anchor = _real_perf_counter()
    _countdown = scheduler.mark = 1 << 62
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
            promise, resolve = _deferred()
            _JS.get().later(resolve, 0)
            _suspend(promise)
    finally:
        sys.stdout, sys.stderr = saved
        scheduler.current = caller
    if scheduler.gc_was_enabled:
        gc.enable()
    from ._asyncio import handle_hook

    handle_hook(False)
    _scheduler = None
    _countdown = 1 << 62
