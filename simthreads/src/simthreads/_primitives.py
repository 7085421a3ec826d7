"""What _thread and time give threading, rebuilt on the scheduler: locks, thread handles,
thread start, get_ident, sleep and the clocks. Everything above them (Condition,
Semaphore, Event, Barrier, RLock, Timer, queue, concurrent.futures) is the standard
library's own code, running unchanged on these."""

from __future__ import annotations

import operator
import sys
import time as _time
import traceback
import weakref

from . import _run
from ._tasks import ThreadKilled, Wait

TIMEOUT_MAX = float(2**31 // 1000)  # what setTimeout can wait, in seconds (~24 days)

_real_time = _time.time
_real_perf_counter = _time.perf_counter
_fallback_sleep = _time.sleep  # replaced by install() with the sleep the runner had
_main_ident = 0  # set by install()


def _active():
    scheduler = _run.current
    if scheduler is None or not scheduler.active:
        return None
    return scheduler


def _no_scheduler(what: str):
    if _run.current is not None and not _run.current.active:
        raise ThreadKilled()
    raise RuntimeError(f"simthreads: {what} outside of a run (the runtime is not started)")


def get_ident() -> int:
    """The identifier of the running simulated thread."""
    scheduler = _run.current
    if scheduler is None or scheduler.current is None:
        return _main_ident
    return scheduler.current.ident


get_ident.__module__ = "_thread"  # as threading.get_ident is _thread's


def count() -> int:
    """_thread._count(): how many threads started through _thread (threading's included)
    have not ended yet; the main thread is not counted. CPython's test helpers wait for
    it to drop back after a test's threads are joined."""
    scheduler = _run.current
    if scheduler is None:
        return 0
    return max(0, scheduler.alive - 1)


class TaskLocal:
    """A namespace whose attributes belong to the simulated thread that sets them, and
    that the thread drops when it ends, as CPython drops a thread's _thread._local values
    when it exits. threading._thread_local_info needs exactly that: the helper it keeps
    there for a _DummyThread (what current_thread() makes in a thread started with
    _thread) takes the dummy out of threading._active when it is dropped. Pyodide's own
    _thread._local has one namespace for every simulated thread."""

    __slots__ = ("__weakref__", "_outside")

    def __init__(self) -> None:
        object.__setattr__(self, "_outside", {})  # outside of a run: one namespace

    def _namespace(self) -> dict:
        scheduler = _run.current
        task = scheduler.current if scheduler is not None else None
        if task is None:
            return self._outside
        if task.locals is None:
            task.locals = {}
        return task.locals.setdefault(self, {})

    def __getattr__(self, name):
        try:
            return self._namespace()[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name, value) -> None:
        self._namespace()[name] = value

    def __delattr__(self, name) -> None:
        try:
            del self._namespace()[name]
        except KeyError:
            raise AttributeError(name) from None


def _timeout_args(blocking, timeout):
    """Check acquire()'s arguments as CPython's _thread.lock does; return the timeout
    (None: forever)."""
    if timeout is None:
        raise TypeError("'NoneType' object cannot be interpreted as an integer or float")
    timeout = float(timeout) if not isinstance(timeout, float) else timeout
    if not blocking and timeout != -1:
        raise ValueError("can't specify a timeout for a non-blocking call")
    if timeout < 0 and timeout != -1:
        raise ValueError("timeout value must be a non-negative number")
    if not blocking:
        return 0.0
    if timeout == -1:
        return None
    if timeout > TIMEOUT_MAX:
        raise OverflowError("timeout value is too large")
    return timeout


class Lock:
    """threading.Lock / _thread.lock: a simulated thread blocks on it without blocking the
    others. It remembers which thread holds it (for deadlock reports); as in CPython, any
    thread may release it."""

    __slots__ = ("__weakref__", "_locked", "_owner", "_waiters")

    def __init__(self) -> None:
        self._locked = False
        self._owner = None
        self._waiters: list = []

    def acquire(self, blocking=True, timeout=-1):
        if not self._locked:
            if blocking is not True or timeout != -1:
                _timeout_args(blocking, timeout)
            self._locked = True
            scheduler = _run.current
            current = scheduler.current if scheduler is not None else None
            self._owner = current.ident if current is not None else _main_ident
            return True
        timeout = _timeout_args(blocking, timeout)
        if timeout == 0:
            return False
        scheduler = _active()
        if scheduler is None or scheduler.current is None:
            _no_scheduler("a blocking acquire()")
        deadline = None if timeout is None else scheduler.now() + timeout
        while True:
            scheduler.block(Wait("lock", self, deadline, self._waiters))
            if not self._locked:
                self._locked = True
                self._owner = scheduler.current.ident
                return True
            if deadline is not None and scheduler.now() >= deadline:
                return False

    def release(self) -> None:
        if not self._locked:
            raise RuntimeError("release unlocked lock")
        self._locked = False
        self._owner = None
        if self._waiters:
            scheduler = _active()
            if scheduler is not None:
                scheduler.wake(self._waiters[0])

    def locked(self) -> bool:
        return self._locked

    acquire_lock = acquire
    release_lock = release
    locked_lock = locked

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()

    def _at_fork_reinit(self) -> None:
        self._locked = False
        self._owner = None
        self._waiters = []

    def __repr__(self) -> str:
        state = "locked" if self._locked else "unlocked"
        return f"<{state} _thread.lock object at {id(self):#x}>"

    def __init_subclass__(cls, **kwargs):
        # As on CPython: from 3.13 threading.Lock is this type, which is final; before,
        # it was a function, which cannot be a base class either.
        raise TypeError("type '_thread.lock' is not an acceptable base type")


Lock.__module__ = "_thread"
Lock.__qualname__ = Lock.__name__ = "lock"


class ThreadHandle:
    """_thread._ThreadHandle: what Thread.join() and Thread.is_alive() ask."""

    __slots__ = ("__weakref__", "_done", "_ident", "_waiters")

    def __init__(self, ident=None, done=False) -> None:
        self._ident = ident
        self._done = done
        self._waiters: list = []

    @property
    def ident(self):
        return self._ident

    def join(self, timeout=None) -> None:
        if self._done:
            return
        if timeout is not None:
            timeout = max(0.0, float(timeout))
        scheduler = _active()
        if scheduler is None or scheduler.current is None:
            _no_scheduler("join()")
        if scheduler.current.ident == self._ident:
            raise RuntimeError("Cannot join current thread")
        deadline = None if timeout is None else scheduler.now() + timeout
        while not self._done:
            if deadline is not None and scheduler.now() >= deadline:
                return
            scheduler.block(Wait("join", self, deadline, self._waiters))

    def is_done(self) -> bool:
        return self._done

    def _set_done(self) -> None:
        self._done = True
        scheduler = _active()
        for task in list(self._waiters):
            if scheduler is not None:
                scheduler.wake(task)
        self._waiters.clear()

    def __repr__(self) -> str:
        return f"<_thread._ThreadHandle object: ident={self._ident}>"


def make_thread_handle(ident) -> ThreadHandle:
    return ThreadHandle(ident)


def start_joinable_thread(function, handle=None, daemon=True) -> ThreadHandle:
    scheduler = _active()
    if scheduler is None:
        raise RuntimeError("can't start new thread (the simulated-thread runtime is not running)")
    if handle is None:
        handle = ThreadHandle()
    elif handle._ident is not None:
        raise RuntimeError("thread already started")
    task = scheduler.spawn(function, bool(daemon), handle)
    handle._ident = task.ident
    thread = getattr(function, "__self__", None)
    if hasattr(thread, "_started"):  # a threading.Thread's _bootstrap
        task.thread = weakref.ref(thread)
    if scheduler.recorder is not None:
        scheduler.record_start(task)
    current = scheduler.current
    if current is not None and current.in_handle and hasattr(thread, "_started"):
        # Thread.start() waits until the new thread runs, which it cannot do inside an
        # asyncio callback (e.g. asyncio.to_thread): mark it started now.
        thread._ident = task.ident
        thread._started.set()
    return handle


def start_new_thread(function, args, kwargs=None) -> int:
    if not callable(function):
        raise TypeError("first arg must be callable")
    if not isinstance(args, tuple):
        raise TypeError("2nd arg must be a tuple")
    if kwargs is not None and not isinstance(kwargs, dict):
        raise TypeError("optional 3rd arg must be a dictionary")

    def run():
        try:
            function(*args, **(kwargs or {}))
        except SystemExit:
            pass
        except BaseException as error:
            note_raised(error)
            print(f"Exception ignored in thread started by: {function!r}", file=sys.stderr)
            traceback.print_exc(file=sys.stderr)

    return start_joinable_thread(run, daemon=True).ident


def note_raised(error: BaseException) -> None:
    """The running thread ends with an uncaught exception (for its timeline lane)."""
    scheduler = _run.current
    if scheduler is not None and scheduler.current is not None:
        scheduler.current.outcome = f"raised {type(error).__name__}"


def make_invoke_excepthook(original):
    """threading._make_invoke_excepthook, noting first how the thread ended."""

    def make():
        invoke = original()

        def invoke_excepthook(thread):
            error = sys.exc_info()[1]
            if error is not None:
                note_raised(error)
            return invoke(thread)

        return invoke_excepthook

    return make


def sleep(secs) -> None:
    """time.sleep: blocks the calling simulated thread only; sleep(0) lets another run."""
    if not isinstance(secs, float):
        secs = operator.index(secs) if not isinstance(secs, int) else secs
    if secs < 0:
        raise ValueError("sleep length must be non-negative")
    scheduler = _active()
    if scheduler is None or scheduler.current is None:
        if _run.current is not None:
            raise ThreadKilled()
        _fallback_sleep(secs)
        return
    if secs == 0:
        # CPython releases the GIL and takes it again: a waiting thread gets it only if
        # it is quicker (here: a seeded coin toss).
        if scheduler.ready and scheduler.rng.random() < 0.5:
            scheduler.yield_()
        return
    scheduler.block(Wait("sleep", secs, scheduler.now() + secs))


# --- clocks: virtual time while a run is active ------------------------------------------

_epoch_offset = 0.0  # time.time() - perf_counter() when the run started


def perf_counter() -> float:
    scheduler = _run.current
    if scheduler is None:
        return _real_perf_counter()
    return scheduler.now()


def perf_counter_ns() -> int:
    return int(perf_counter() * 1e9)


monotonic = perf_counter
monotonic_ns = perf_counter_ns


def time() -> float:
    scheduler = _run.current
    if scheduler is None:
        return _real_time()
    return scheduler.now() + _epoch_offset


def time_ns() -> int:
    return int(time() * 1e9)


def set_epoch_offset() -> None:
    global _epoch_offset
    _epoch_offset = _real_time() - _real_perf_counter()
