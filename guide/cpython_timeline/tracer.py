"""Following the threads of one run on CPython: what ran when, which calls waited and on
what, where each thread started, printed and ended (see the package's doc for the rules).

ThreadTracer's hooks only buffer events; record_into hands them to a guide.timeline
Recorder, in time order, at the end: whether a call blocked is only known when it returns.
"""

from __future__ import annotations

import itertools
import sys
import threading
import time

from guide import timeline as guide_timeline

from .locks import TracedLock

MIN_WAIT = 0.0002  # seconds: a call that took longer (or let another thread run) waited
KEEP = 4 * guide_timeline.LIMIT  # events buffered at each end of a long run

clock = time.perf_counter
get_ident = threading.get_ident
RAW_LOCKS = (type(threading._allocate_lock()), type(threading._CRLock()))  # C locks

# Event kinds of the buffer, in the order they sort when their times are equal: a wait is
# over before the thread runs on.
START, WAKE, RUN, PRINT, BLOCK, END = range(6)


def _code(function):
    return getattr(getattr(function, "__func__", function), "__code__", None)


# Python-level calls that wait inside: their code -> (reason, what it waits on). "{}" is
# replaced by the name of the object waited on (its `self`), as the snippet calls it.
LIBRARY_WAITS: dict = {}


def _learn_library_waits() -> None:
    import concurrent.futures
    import queue

    known = [
        (threading.Thread.start, None, ""),  # waits until the thread runs: not worth a mark
        (TracedLock.acquire, "lock", "{kind} {}"),
        (queue.Queue.get, "queue", "Queue {}: get"),
        (queue.Queue.put, "queue", "Queue {}: put"),
        (queue.Queue.join, "queue", "Queue {}: join"),
        (threading.Condition.wait, "condition", "Condition {}"),
        (threading.Condition.wait_for, "condition", "Condition {}"),
        (threading.Event.wait, "condition", "Event {}"),
        (threading.Barrier.wait, "condition", "Barrier {}"),
        (threading.Semaphore.acquire, "lock", "Semaphore {}"),
        (threading.Thread.join, "join", "join {thread}"),
        (concurrent.futures.Future.result, "join", "Future.result"),
        (concurrent.futures.wait, "join", "concurrent.futures.wait"),
    ]
    for function, reason, what in known:
        code = _code(function)
        if code is not None:
            LIBRARY_WAITS[code] = (reason, what)


_learn_library_waits()


def _waits_in_c(function) -> str | None:
    """The reason of a C function that blocks (None for the others)."""
    if function is time.sleep:
        return "sleep"
    name = getattr(function, "__name__", None)
    if name in ("acquire", "__enter__") and type(getattr(function, "__self__", None)) in RAW_LOCKS:
        return "lock"
    if name == "join" and type(getattr(function, "__self__", None)).__name__ == "_ThreadHandle":
        return "join"  # Thread.join since 3.13
    return None


class _Wait:
    """A library call in progress that may wait: when it waited, and on what."""

    __slots__ = ("first", "forever", "frame", "last", "reason", "self", "what")

    def __init__(self, frame, reason: str, what: str) -> None:
        self.frame = frame
        self.reason = reason
        self.what = what
        arguments = frame.f_locals
        self.self = arguments.get("self")
        # no timeout: a cycle of such waits never comes undone
        self.forever = arguments.get("blocking", True) and arguments.get("timeout") in (-1, None)
        self.first: float | None = None  # when its first inner wait began
        self.last: float | None = None  # when its last inner wait ended


# --- threads --------------------------------------------------------------------------


class ThreadTracer:
    """Follows the threads of one run and buffers their events (see the module's doc)."""

    def __init__(self, snippet: str) -> None:
        self.snippet = snippet
        self.events = guide_timeline.BoundedEvents(KEEP)  # (t, kind, ident, detail, extra)
        self.last: int | None = None  # the thread of the last event seen
        self.waits: dict[int, _Wait] = {}  # thread -> its outermost library call
        self.blocking: dict[int, tuple] = {}  # thread -> (t, reason, function) of a C call
        self.main = get_ident()
        self.globals: dict | None = None  # the snippet's, to name what a thread waits on
        self.began: float | None = None  # when the snippet's first line ran: time 0

    # the hooks --------------------------------------------------------------------------

    def profile(self, frame, event: str, arg) -> None:
        t = clock()
        ident = get_ident()
        switched = ident != self.last
        if switched:
            self.last = ident
            self.events.append((t, RUN, ident, None, None))
        if event == "c_call":
            reason = _waits_in_c(arg)
            if reason is not None:
                self.blocking[ident] = (t, reason, arg)
        elif event == "c_return" or event == "c_exception":
            started = self.blocking.pop(ident, None)
            if started is not None and (switched or t - started[0] > MIN_WAIT):
                self._waited(ident, started, t)
        elif event == "call":
            known = LIBRARY_WAITS.get(frame.f_code)
            if known is not None and ident not in self.waits:
                self.waits[ident] = _Wait(frame, *known)
        elif event == "return":
            wait = self.waits.get(ident)
            if wait is not None and wait.frame is frame:
                del self.waits[ident]
                wait.frame = None  # the events keep the wait: not its frame and locals
                if wait.first is not None and wait.reason is not None:
                    self.events.append((wait.first, BLOCK, ident, wait.reason, wait))
                    how = "timeout" if arg is False else "woken"
                    self.events.append((wait.last, WAKE, ident, how, None))

    def trace(self, frame, event: str, arg):
        """sys.settrace's hook: line events, only in the snippet's own code. The profile
        hooks start with the snippet's first line: what runs it (runpy) is left out."""
        if frame.f_code.co_filename == self.snippet:
            if self.began is None:
                self.begin(frame)
            return self.line
        return None

    def begin(self, frame) -> None:
        self.globals = frame.f_globals
        self.began = clock()
        self.last = get_ident()
        self.events.append((self.began, RUN, self.last, None, None))
        threading.setprofile(self.profile)
        sys.setprofile(self.profile)

    def line(self, frame, event: str, arg):
        ident = get_ident()
        if ident != self.last:
            self.last = ident
            self.events.append((clock(), RUN, ident, None, None))
        return self.line

    def _waited(self, ident: int, started: tuple, ended: float) -> None:
        began, reason, function = started
        wait = self.waits.get(ident)
        if wait is not None:  # a library call waited: the wait is the call's
            if wait.first is None:
                wait.first = began
            wait.last = ended
            return
        what = "time.sleep" if reason == "sleep" else getattr(function, "__self__", None)
        self.events.append((began, BLOCK, ident, reason, what))
        self.events.append((ended, WAKE, ident, "timeout" if reason == "sleep" else "woken", None))

    # threads, prints ---------------------------------------------------------------------

    def thread_started(self, thread: threading.Thread) -> None:
        parent = getattr(thread, "_timeline_parent", None)
        self.events.append((clock(), START, get_ident(), thread, parent))

    def thread_ended(self, how: str, thread: threading.Thread | None = None) -> None:
        self.events.append((clock(), END, get_ident(), how, thread))

    def printed(self, line: str, stream: str) -> None:
        self.events.append((clock(), PRINT, get_ident(), line, stream))

    def install(self) -> None:
        tracer = self
        bootstrap_inner = threading.Thread._bootstrap_inner
        start = threading.Thread.start

        def traced_start(thread, *args, **kwargs):
            thread._timeline_parent = get_ident()
            return start(thread, *args, **kwargs)

        def traced_bootstrap_inner(thread):
            tracer.thread_started(thread)
            run = thread.run
            outcome = ["returned"]

            def traced_run():
                try:
                    run()
                except BaseException as error:
                    outcome[0] = f"raised {type(error).__name__}"
                    raise

            thread.run = traced_run
            try:
                bootstrap_inner(thread)
            finally:
                tracer.thread_ended(outcome[0], thread)

        threading.Thread.start = traced_start
        threading.Thread._bootstrap_inner = traced_bootstrap_inner
        threading.settrace(self.trace)
        sys.settrace(self.trace)

    def uninstall_here(self) -> None:
        """Stop following the calling thread (the main thread, once the program ended)."""
        sys.setprofile(None)
        sys.settrace(None)

    # the cycle ---------------------------------------------------------------------------

    def lock_cycle(self) -> list[tuple[int, TracedLock, int]] | None:
        """Threads that wait, each for a lock the next one holds, round to the first:
        [(thread, lock, holder), ...], or None."""
        waits_for = {}
        for ident, wait in list(self.waits.items()):
            lock = wait.self
            if (
                ident in self.blocking
                and wait.forever
                and isinstance(lock, TracedLock)
                and lock._owner not in (None, ident)
            ):
                waits_for[ident] = (lock, lock._owner)
        for first in waits_for:
            path = [first]
            while (ident := waits_for.get(path[-1], (None, None))[1]) in waits_for:
                if ident == first:
                    return [(i, *waits_for[i]) for i in path]
                if ident in path:
                    break
                path.append(ident)
        return None

    # the recording -----------------------------------------------------------------------

    def record_into(self, recorder: guide_timeline.Recorder, stopped: float | None) -> dict:
        """Hand the buffered events to the recorder in time order; waits still going on
        when the run was stopped (at `stopped`) begin but never end. The thread -> lane map."""
        events = list(self.events)
        if stopped is not None:
            for ident, (began, reason, function) in list(self.blocking.items()):
                if stopped - began > MIN_WAIT:
                    wait = self.waits.get(ident)
                    if wait is not None and wait.reason is None:
                        continue
                    if wait is not None:
                        events.append((wait.first or began, BLOCK, ident, wait.reason, wait))
                    else:
                        what = getattr(function, "__self__", "time.sleep")
                        events.append((began, BLOCK, ident, reason, what))
        events.sort(key=lambda event: (event[0], event[1]))
        recorder.dropped += self.events.dropped  # left out here, between the recorder's ends
        if self.began is not None:
            recorder.t0 = self.began  # time 0 is the snippet's first line
        names = Names(self.globals)
        lanes: dict[int, str] = {}
        used: set[str] = set()

        def lane_of(ident: int, thread=None, parent=None, t=None) -> str:
            if ident not in lanes or (thread is not None and lanes[ident] in ended):
                lane = f"T{ident}"
                for n in itertools.count(2):
                    if lane not in used:
                        break
                    lane = f"T{ident}.{n}"
                used.add(lane)
                lanes[ident] = lane
                name = thread.name if thread is not None else f"thread {ident}"
                if ident == self.main:
                    name = threading.main_thread().name
                recorder.lane(lane, name, "thread", lanes.get(parent), t=t)
            return lanes[ident]

        ended: set[str] = set()
        lane_of(self.main, t=recorder.t0)
        for t, kind, ident, detail, extra in events:
            if kind == START:
                lane_of(ident, detail, extra, t)
                continue
            lane = lane_of(ident, t=t)
            if kind == RUN:
                recorder.run(lane, t=t)
            elif kind == BLOCK:
                recorder.block(lane, detail, names.what(extra), t=t)
            elif kind == WAKE:
                recorder.wake(lane, detail, t=t)
                recorder.run(lane, t=t)  # it returned from the wait: it runs
            elif kind == PRINT:
                recorder.print(lane, detail, extra, t=t)
            elif kind == END:
                if extra is not None:  # the thread's name when it ended
                    recorder.rename(lane, extra.name)
                recorder.end(lane, detail, t=t)
                ended.add(lane)
        return lanes


class Names:
    """What a wait was on, named as the snippet names it: "Lock locks['X']", "Queue lines"."""

    def __init__(self, snippet_globals: dict | None) -> None:
        self.globals = dict(snippet_globals or {})

    def of(self, target) -> str:
        for name, value in self.globals.items():
            if value is target:
                return name
            if isinstance(value, dict) and not name.startswith("__"):
                for key, item in value.items():
                    if item is target:
                        return f"{name}[{key!r}]"
            elif isinstance(value, list | tuple):
                for index, item in enumerate(value):
                    if item is target:
                        return f"{name}[{index}]"
        return ""

    def what(self, target) -> str:
        if isinstance(target, str):
            return target
        if isinstance(target, _Wait):
            waited_on = target.self
            if "{thread}" in target.what:
                return target.what.format(thread=getattr(waited_on, "name", "a thread"))
            kind = getattr(waited_on, "_kind", "Lock")
            what = target.what.replace("{kind}", kind).format(self.of(waited_on))
            return what.replace(" :", ":").strip()
        return f"Lock {self.of(target)}".strip()
