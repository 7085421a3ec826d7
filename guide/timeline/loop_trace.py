"""asyncio's side of a timeline: one lane per task of an event loop, recorded into a
guide.timeline.Recorder.

    trace_loop(loop, recorder)

instruments one loop instance: its call_soon (an instance attribute, which shadows the
method; tasks and futures, C or Python, schedule through `loop.call_soon` by name) wraps
every callback that belongs to a task (the task's step, or its wakeup when what it awaits
is done). Around each one:

- before: the task's lane runs (lane "A<n>", created when the loop first sees the task,
  named after it, started by the lane that ran then);
- after: the task ended (returned, cancelled, raised ...), yielded (sleep(0): nothing is
  recorded, it runs again soon), or waits, on what its coroutine
  awaits (the innermost awaitable of its `cr_await` chain: asyncio.sleep is "sleep",
  Queue.get/put "queue", Lock/Semaphore "lock", Event/Condition "condition", another task,
  gather, wait, as_completed or a TaskGroup "join", anything else "await"); then nobody runs
  if no task step is ready to follow (the loop waits);
- when a waiting task is scheduled again: it wakes ("ready").

run_until_complete (asyncio.run) is wrapped too: the lane that called it waits ("join")
until it returns. Used in the browser (runner/guide_runner/loop.py: on Pyodide's WebLoop)
and at build time (theme/hooks/timelines.py: a CPython loop, 3.11+). Eager tasks (3.12+)
run their first step inside create_task, unseen: their lane begins at their first step
seen.
"""

from __future__ import annotations

import asyncio
import itertools
import weakref

PROGRAM = "P"  # code outside any task or thread

_TASK_TYPES = tuple({asyncio.Task, asyncio.tasks._PyTask})

# Coroutines of asyncio that say what a task waits for: their code -> (reason, what).
_WAITS = {}


def _learn_waits() -> None:
    def code(function):
        function = getattr(function, "__func__", function)
        return getattr(function, "__code__", None)

    known = [
        (asyncio.sleep, "sleep", "sleep"),
        (asyncio.Queue.get, "queue", "Queue.get"),
        (asyncio.Queue.put, "queue", "Queue.put"),
        (asyncio.Queue.join, "queue", "Queue.join"),
        (asyncio.Lock.acquire, "lock", "Lock.acquire"),
        (asyncio.Semaphore.acquire, "lock", "Semaphore.acquire"),
        (asyncio.Event.wait, "condition", "Event.wait"),
        (asyncio.Condition.wait, "condition", "Condition.wait"),
        (asyncio.Condition.wait_for, "condition", "Condition.wait_for"),
        (asyncio.Barrier.wait, "condition", "Barrier.wait"),
        (asyncio.wait, "join", "wait"),
        (asyncio.tasks._wait, "join", "wait"),
        (asyncio.wait_for, "join", "wait_for"),
        (asyncio.TaskGroup.__aexit__, "join", "TaskGroup"),
        (getattr(asyncio.TaskGroup, "_aexit", None), "join", "TaskGroup"),  # 3.13+
        (getattr(asyncio.tasks, "_wait_for_one", None), "join", "as_completed"),
    ]
    for function, reason, what in known:
        found = code(function) if function is not None else None
        if found is not None:
            _WAITS[found] = (reason, what)


_learn_waits()

# Nested or private coroutines of asyncio, known by name: co_name -> (reason, what).
_WAITS_BY_NAME = {"_wait_for_one": ("join", "as_completed")}

# Tasks that are not the reader's, by their coroutine's name (less leading underscores):
# asyncio.run's closing of the loop, and ensure_future's wrapper of a bare awaitable (in
# Pyodide, how the simulated threads wait for a browser promise).
_LOOP_CHORES = frozenset({"shutdown_asyncgens", "shutdown_default_executor", "wrap_awaitable"})

_counters: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # recorder -> its count


def _names(tasks, limit: int = 3) -> str:
    names = [task.get_name() for task in list(tasks)[: limit + 1] if hasattr(task, "get_name")]
    if len(names) > limit:
        names[limit:] = ["…"]
    return ", ".join(names)


def _waits_on(task) -> tuple[str, str] | None:
    """(reason, what) of what the task awaits, or None if it only yielded (sleep(0))."""
    coro = task.get_coro()
    known = None
    frame = None
    # The task's own coroutine may be the one that says (create_task(lock.acquire())).
    awaited = coro if getattr(coro, "cr_await", None) is not None else None
    while awaited is not None:
        inner_code = getattr(awaited, "cr_code", None) or getattr(awaited, "gi_code", None)
        if inner_code is None:
            break  # a future, a task, or an object with __await__
        wait = _WAITS.get(inner_code) or _WAITS_BY_NAME.get(inner_code.co_name)
        if wait is not None:
            known = wait
            frame = getattr(awaited, "cr_frame", None)
        coro = awaited
        awaited = getattr(awaited, "cr_await", None) or getattr(awaited, "gi_yieldfrom", None)
    if known is None:
        # The future it waits on (the chain ends in the future's iterator, for C futures).
        waiter = getattr(task, "_fut_waiter", None)
        if waiter is None:
            return None  # it yielded: ready again at once
        awaited = waiter
    if known is not None:
        reason, what = known
        if reason == "sleep" and frame is not None:
            delay = frame.f_locals.get("delay")
            if isinstance(delay, int | float):
                what = f"sleep {delay:g} s"
        elif what == "wait" and frame is not None:
            tasks = frame.f_locals.get("fs")
            if tasks:
                what = f"wait: {_names(tasks)}"
        elif what == "TaskGroup" and frame is not None:
            group = frame.f_locals.get("self")
            tasks = getattr(group, "_tasks", None)
            if tasks:
                what = f"TaskGroup: {_names(tasks)}"
        return known[0], what
    if isinstance(awaited, _TASK_TYPES):
        return "join", f"task {awaited.get_name()}"
    children = getattr(awaited, "_children", None)  # gather's future
    if children is not None:
        return "join", f"gather: {_names(children)}"
    return "await", type(awaited).__name__


class _Lane:
    __slots__ = ("id", "named", "requeued", "waiting")

    def __init__(self, lane_id: str) -> None:
        self.id = lane_id
        self.named = False
        self.waiting = False  # it blocked: its next scheduling wakes it
        self.requeued = False  # scheduled again during its own step (it yielded)


class _LoopTracer:
    """The state of the tracing of one loop: its tasks' lanes."""

    def __init__(self, loop, recorder, counter) -> None:
        self.loop = loop
        self.recorder = recorder
        self.counter = counter
        self.lanes: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # task -> _Lane
        self.caller: str | None = None  # the lane waiting in run_until_complete
        self.stepping = None  # the task whose step runs now, and its lane
        self.stepping_lane: _Lane | None = None

    def lane_of(self, task) -> _Lane | None:
        """The task's lane (None for the loop's own chores), made the first time."""
        lane = self.lanes.get(task, False)
        if lane is False:
            code = getattr(task.get_coro(), "cr_code", None)
            if code is not None and code.co_name.lstrip("_") in _LOOP_CHORES:
                lane = None
            else:
                recorder = self.recorder
                lane = _Lane(f"A{next(self.counter)}")
                parent = recorder.running or self.caller
                recorder.lane(lane.id, task.get_name(), "task", parent)
            self.lanes[task] = lane
        return lane

    def scheduled(self, task, callback):
        """A task's step or wakeup is scheduled: the wrapped callback to schedule instead."""
        if task is self.stepping:  # it yielded, in its own step: ready again at once
            lane = self.stepping_lane
            lane.requeued = True
            return _Step(self, task, lane, callback)
        lane = self.lane_of(task)
        if lane is None:
            return callback
        if lane.waiting:
            lane.waiting = False
            self.recorder.wake(lane.id, "ready")
        elif self.recorder.running == lane.id:
            lane.requeued = True
        return _Step(self, task, lane, callback)

    def after(self, task, lane: _Lane) -> None:
        recorder = self.recorder
        if task.done():
            # Not task.exception(): that marks it retrieved, and asyncio would no longer
            # report an exception nobody retrieved.
            error = getattr(task, "_exception", None)
            if task.cancelled():
                how = "cancelled"
            elif error is not None:
                how = f"raised {type(error).__name__}"
            else:
                how = "returned"
            recorder.end(lane.id, how)
        elif lane.requeued:
            # It yielded (sleep(0)) and is ready again at once: no wait to draw, and no
            # events for it (a loop of such steps would triple the events recorded); its
            # next step is ready, so somebody runs.
            lane.requeued = False
            return
        else:
            waits = _waits_on(task)
            if waits is not None:
                lane.waiting = True
                recorder.block(lane.id, waits[0], waits[1])
        if not self._task_step_ready():
            recorder.idle()

    def _task_step_ready(self) -> bool:
        ready = getattr(self.loop, "_ready", None)
        if not ready:
            return False
        if type(ready[0]._callback) is _Step:  # the usual case, at once
            return True
        return any(type(handle._callback) is _Step for handle in ready)


class _Step:
    """A task's callback, recorded: its lane runs, then ends or waits."""

    __slots__ = ("callback", "lane", "task", "tracer")

    def __init__(self, tracer: _LoopTracer, task, lane: _Lane, callback) -> None:
        self.tracer = tracer
        self.task = task
        self.lane = lane
        self.callback = callback

    def __call__(self, *args):
        tracer, task, lane = self.tracer, self.task, self.lane
        recorder = tracer.recorder
        if not lane.named:
            lane.named = True
            recorder.rename(lane.id, task.get_name())  # names given after creation (3.11)
        recorder.run(lane.id)
        tracer.stepping, tracer.stepping_lane = task, lane
        try:
            self.callback(*args)  # a loop ignores what callbacks return
        finally:
            tracer.stepping = tracer.stepping_lane = None
            tracer.after(task, lane)
            # As asyncio's Handle._run: a frame that outlives the step (the caller of a
            # coroutine that raised, kept by the traceback) must not keep the task alive, or
            # asyncio could not report an exception nobody retrieved when the task goes.
            self = tracer = task = lane = args = None

    # As the task's own callback looks to asyncio (debug mode shows the task it belongs to).
    @property
    def __self__(self):
        return self.task

    def __repr__(self) -> str:
        return repr(self.callback)


def trace_loop(loop, recorder, *, counter=None) -> None:
    """Record the tasks of `loop` into `recorder`. Tasks of several loops of one run share
    a numbering if they share `counter` (an iterator of ints; default: one per recorder)."""
    if counter is None:
        counter = _counter_of(recorder)
    tracer = _LoopTracer(loop, recorder, counter)
    call_soon = loop.call_soon
    run_until_complete = loop.run_until_complete

    def traced_call_soon(callback, *args, context=None):
        task = getattr(callback, "__self__", None)
        if task is not None and isinstance(task, _TASK_TYPES) and type(callback) is not _Step:
            callback = tracer.scheduled(task, callback)
        handle = call_soon(callback, *args, context=context)
        if handle._source_traceback:  # debug mode: where the program scheduled it, not here
            del handle._source_traceback[-1]
        return handle

    def traced_run_until_complete(future):
        code = getattr(future, "cr_code", None)
        if code is not None and code.co_name.lstrip("_") in _LOOP_CHORES:
            return run_until_complete(future)
        caller = recorder.running or program_lane(recorder)
        previous, tracer.caller = tracer.caller, caller
        recorder.block(caller, "join", "the event loop")
        try:
            return run_until_complete(future)
        finally:
            tracer.caller = previous
            recorder.wake(caller, "woken")
            recorder.run(caller)

    loop.call_soon = traced_call_soon
    loop.run_until_complete = traced_run_until_complete


def program_lane(recorder) -> str:
    """Lane "P", the program outside any task or thread (created the first time)."""
    recorder.lane(PROGRAM, "main program", "program")
    return PROGRAM


def _counter_of(recorder):
    counter = _counters.get(recorder)
    if counter is None:
        counter = _counters[recorder] = itertools.count(1)
    return counter
