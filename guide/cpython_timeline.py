"""Record a timeline of one real CPython run of a snippet (issue 9, the static figures).

theme/hooks/timelines.py runs this file as a subprocess of the site build, once per figure:

    python cpython_timeline.py SNIPPET --out FILE [--blocks-after S] [--timeout S]

It runs SNIPPET as `python SNIPPET` would (as __main__, its folder first on sys.path) and
writes {"python": "CPython 3.11.7", "recording": <guide_timeline's recording dict>} to FILE.

Threads (lanes "T<ident>", the main thread too) are followed with sys.setprofile and
threading.setprofile (every call and return, of Python and of C functions) plus line
events in the snippet's own code (sys.settrace / threading.settrace):

- a *run* is recorded when an event comes from another thread than the last one did: only
  the switches are kept, so a long run costs little memory;
- a *wait* is a call that blocks: a raw lock's acquire, time.sleep, the join of a thread
  handle (C calls), counted as blocking when another thread ran meanwhile or it took over
  MIN_WAIT; inside a library call that waits (Queue.get, Condition.wait, Thread.join ...,
  see LIBRARY_WAITS) the wait is that call's, with its reason (guide_timeline.REASONS);
- `with lock:` on a C lock shows no call to a profiler (its __enter__ is not reported), so
  the locks the snippet itself makes (threading.Lock / RLock called from its code) are
  TracedLocks: the same lock behind Python methods, which also note which thread holds it;
- each line printed is attributed to the thread that wrote it; threads start and end
  where Thread._bootstrap_inner begins and returns.

These events are buffered and handed to a guide_timeline.Recorder, in time order, at the
end: whether a call blocked is only known when it returns.

A snippet that never ends by design ([tool.guide] blocks) is stopped: when its threads
have waited in a cycle of locks (each lock held by the next thread of the cycle) for as
long as the program ran before the cycle closed (so the figure shows both), or after
`--blocks-after` seconds at the latest. The cycle goes to Recorder.deadlock, the recording
is written, and the process ends with os._exit (its threads can never end).

A snippet that uses asyncio is recorded per task instead: guide_timeline_asyncio.trace_loop
on every loop it creates (asyncio.run's included), prints attributed to the running task.
"""

from __future__ import annotations

import _thread
import argparse
import io
import itertools
import json
import os
import platform
import runpy
import sys
import threading
import time
import traceback
from pathlib import Path

from guide import timeline as guide_timeline

MIN_WAIT = 0.0002  # seconds: a call that took longer (or let another thread run) waited
SETTLE_MIN = 0.002  # seconds a lock cycle lasts, at least, before a deadlock is declared
WATCH_EVERY = 0.002  # seconds between two looks of the watchdog
KEEP = 4 * guide_timeline.LIMIT  # events buffered at each end of a long run

clock = time.perf_counter
get_ident = threading.get_ident
RAW_LOCKS = (type(threading._allocate_lock()), type(threading._CRLock()))  # C locks

# Event kinds of the buffer, in the order they sort when their times are equal: a wait is
# over before the thread runs on.
START, WAKE, RUN, PRINT, BLOCK, END = range(6)


def _code(function):
    return getattr(getattr(function, "__func__", function), "__code__", None)


def python_version() -> str:
    return f"{platform.python_implementation()} {platform.python_version()}"


# --- the snippet's own locks ----------------------------------------------------------


class TracedLock:
    """A C lock (Lock or RLock) behind Python methods, so that `with lock:` is seen, and
    which notes the thread that holds it (for the wait-for cycle of a deadlock)."""

    def __init__(self, make, kind: str) -> None:
        self._lock = make()
        self._kind = kind
        self._owner: int | None = None
        self._count = 0

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        got = self._lock.acquire(blocking, timeout)
        if got:
            self._owner = get_ident()
            self._count += 1
        return got

    __enter__ = acquire

    def release(self) -> None:
        self._count -= 1
        if self._count <= 0:
            self._owner, self._count = None, 0
        self._lock.release()

    def __exit__(self, *exc_info) -> None:
        self.release()

    def __getattr__(self, name: str):  # locked(), _is_owned() ... of the lock itself
        return getattr(self._lock, name)

    def __repr__(self) -> str:
        return repr(self._lock)


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
        names = _Names(self.globals)
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


class _Names:
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


def _trace_locks_made_by(snippet: str) -> None:
    """threading.Lock() and RLock() called from the snippet's code make TracedLocks."""
    lock, rlock = threading.Lock, threading.RLock

    def traced_lock():
        if sys._getframe(1).f_code.co_filename == snippet:
            return TracedLock(lock, "Lock")
        return lock()

    def traced_rlock(*args, **kwargs):
        if sys._getframe(1).f_code.co_filename == snippet:
            return TracedLock(rlock, "RLock")
        return rlock(*args, **kwargs)

    threading.Lock = traced_lock
    threading.RLock = traced_rlock


# --- prints ---------------------------------------------------------------------------


class LineTap(io.TextIOBase):
    """A text stream that passes everything on and reports each whole line, per thread
    (print() writes a line's text and its newline in two calls)."""

    def __init__(self, stream, name: str, report) -> None:
        self.stream = stream
        self.name = name
        self.report = report
        self.partial: dict[int, str] = {}

    def write(self, text: str) -> int:
        ident = get_ident()
        pending = self.partial.pop(ident, "") + text
        *lines, rest = pending.split("\n")
        for line in lines:
            self.report(line, self.name)
        if rest:
            self.partial[ident] = rest
        self.stream.write(text)
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    @property
    def encoding(self):
        return self.stream.encoding

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False


def _tap_output(report) -> None:
    sys.stdout = LineTap(sys.stdout, "stdout", report)
    sys.stderr = LineTap(sys.stderr, "stderr", report)


# --- running --------------------------------------------------------------------------


def _uses_asyncio(path: Path) -> bool:
    from guide.hooks import examples

    return "asyncio" in examples.browser_needs(path.read_text(encoding="utf-8"))


def _write(out: Path, recorder: guide_timeline.Recorder, exit_code: int | None = None) -> None:
    """The result: the interpreter, the snippet's exit code (None: it was stopped), the
    recording."""
    data = {"python": python_version(), "exit_code": exit_code, "recording": recorder.to_dict()}
    out.write_text(json.dumps(data), encoding="utf-8")


class Watchdog:
    """Ends a run that never ends: a deadlock (see the module's doc) or, for a snippet that
    blocks by design, `blocks_after` seconds; a run past its timeout fails."""

    def __init__(self, tracer, recorder, out: Path, blocks_after: float | None, timeout: float):
        self.tracer = tracer
        self.recorder = recorder
        self.out = out
        self.blocks_after = blocks_after
        self.timeout = timeout

    def start(self) -> None:
        """A bare thread (_thread): no Thread object, never followed by the hooks."""
        _thread.start_new_thread(self.watch, ())

    def watch(self) -> None:
        started = clock()
        cycle_since = None
        tracer = self.tracer
        while True:
            time.sleep(WATCH_EVERY)
            now = clock()
            if self.blocks_after is None:
                if now - started > self.timeout:
                    sys.__stderr__.write(f"still running after {self.timeout:g} s\n")
                    os._exit(3)
                continue
            cycle = tracer.lock_cycle() if tracer else None
            if cycle is None:
                cycle_since = None
            elif cycle_since is None:
                cycle_since = now
            settled = cycle_since is not None and (
                now - cycle_since >= max(SETTLE_MIN, cycle_since - (tracer.began or started))
            )
            if settled or now - started >= self.blocks_after:
                self.stop(cycle, now)

    def stop(self, cycle, now: float) -> None:
        recorder = self.recorder
        if self.tracer is not None:
            lanes = self.tracer.record_into(recorder, stopped=now)
            if cycle:
                names = _Names(self.tracer.globals)
                recorder.deadlock(
                    [
                        {
                            "lane": lanes[ident],
                            "waits_for": lanes[holder],
                            "what": f"Lock {names.of(lock)}".strip(),
                        }
                        for ident, lock, holder in cycle
                    ]
                )
        recorder.finish(t=now)
        _write(self.out, recorder)
        sys.__stdout__.flush()
        os._exit(0)


def record(snippet: Path, out: Path, *, blocks_after: float | None, timeout: float) -> int:
    """Run the snippet, following its threads or its tasks, and write the recording (the
    snippet's own exit code goes with it: a program that fails makes a figure too)."""
    path = str(snippet.resolve())
    asyncio_mode = _uses_asyncio(snippet)
    sys.argv = [path]
    sys.path[0] = str(snippet.resolve().parent)
    tracer = None if asyncio_mode else ThreadTracer(path)
    recorder = guide_timeline.Recorder()
    Watchdog(tracer, recorder, out, blocks_after, timeout).start()
    if tracer is None:
        _trace_asyncio(recorder)
    else:
        _trace_locks_made_by(path)
        _tap_output(tracer.printed)
    recorder.use_clock(clock, virtual=False)  # time 0: the program's first line
    if tracer is not None:
        tracer.install()
    status = 0
    how = "returned"
    try:
        runpy.run_path(path, run_name="__main__")
    except SystemExit as stop:
        status = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    except BaseException as error:
        how = f"raised {type(error).__name__}"
        traceback.print_exc()
        status = 1
    if tracer is None:
        recorder.finish()
        _write(out, recorder, status)
        return 0
    tracer.thread_ended(how)
    tracer.uninstall_here()
    _join_threads_that_keep_the_process()
    ended = clock()
    tracer.record_into(recorder, stopped=ended)
    recorder.finish(t=ended)
    _write(out, recorder, status)
    return 0


def _join_threads_that_keep_the_process() -> None:
    """What the interpreter does at exit: wait for the threads that are not daemons."""
    for thread in threading.enumerate():
        if thread is not threading.current_thread() and not thread.daemon:
            thread.join()


def _trace_asyncio(recorder: guide_timeline.Recorder) -> None:
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

    _tap_output(printed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.partition("\n")[0])
    parser.add_argument("snippet", type=Path)
    parser.add_argument("--out", type=Path, required=True, help="where the JSON goes")
    parser.add_argument(
        "--blocks-after",
        type=float,
        default=None,
        help="the snippet never ends by design: stop it after this many seconds",
    )
    parser.add_argument("--timeout", type=float, default=60.0)
    args = parser.parse_args(argv)
    return record(args.snippet, args.out, blocks_after=args.blocks_after, timeout=args.timeout)


if __name__ == "__main__":
    sys.exit(main())
