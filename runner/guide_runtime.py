"""The reader's side of the in-page runner: runs one program in Pyodide, in a Web Worker.

worker.js loads this module once per interpreter, calls setup() and then, for every click
on Run, run(). Not a module of the site build: it runs on Pyodide (Python 3.14), and the
build embeds its text in worker.js.

Each run starts from the state setup() left: a fresh __main__ namespace (unless the page
shares a session between blocks), without the modules the previous run imported, with the
module-level names of the preloaded modules (asyncio, sys, builtins, ...) put back, and
with sys.path, os.environ, the working directory, the recursion limit, warnings filters,
atexit handlers, the event loop and random's seed reset. After a run that may have left
the interpreter damaged (RecursionError, MemoryError, a crash, a forced stop) worker.js
starts a new interpreter instead.

What a browser cannot do ends the run with a `limit` the page explains: starting threads
(until a threads runtime is installed, see install_runtime), starting processes, opening
sockets, asyncio.run() without WebAssembly stack switching (JSPI), reading input(), and
importing a package that is not in the standard library.

Each run of a threading or asyncio program also records a timeline (guide.timeline,
which worker.js ships beside this module with guide.timeline.loop_trace): the runtimes
record their threads, every event loop of the run its tasks, and every line printed goes
to the lane that ran when it was printed.
"""

from __future__ import annotations

import _thread
import asyncio
import atexit
import builtins
import collections
import gc
import heapq
import importlib
import itertools
import json
import linecache
import os
import random
import socket
import sys
import time
import traceback
import types
import warnings
from asyncio.base_events import _format_handle
from asyncio.constants import DEBUG_STACK_DEPTH
from asyncio.log import logger as _asyncio_logger

from guide import timeline as guide_timeline
from guide.timeline.loop_trace import program_lane, trace_loop
from pyodide.ffi import can_run_sync, create_once_callable, run_sync
from pyodide.webloop import _MAX_TIMEOUT_MS, WebLoop, WebLoopPolicy
from pyodide.webloop import _orig_sleep as _blocking_sleep
from pyodide_js._api import scheduleCallback

_MISSING = object()
_perf_counter = time.perf_counter  # the real clock (a runtime may give time virtual clocks)


class ThreadsUnavailable(RuntimeError):
    """Raised instead of starting a thread: Pyodide has one thread only."""


class ProcessesUnavailable(OSError):
    """Raised instead of starting a process: a browser cannot start programs."""


class SocketsUnavailable(OSError):
    """Raised instead of opening a network connection."""


class InputUnavailable(EOFError):
    """Raised by input(): the page has no terminal to read from."""


# Tracebacks show them as the built-in exception they stand for (EOFError: input() ...).
for _stand_in in (ThreadsUnavailable, ProcessesUnavailable, SocketsUnavailable, InputUnavailable):
    _stand_in.__module__ = "builtins"
    _stand_in.__qualname__ = _stand_in.__mro__[1].__name__


def _no_threads(*args, **kwargs):
    _State.lacking.append("threads")
    raise ThreadsUnavailable(
        "can't start new thread: the in-page Python has a single thread "
        "(threads need the simulated-thread runtime)"
    )


def _no_processes(*args, **kwargs):
    _State.lacking.append("processes")
    raise ProcessesUnavailable("a browser cannot start processes")


def _no_sockets(*args, **kwargs):
    _State.lacking.append("sockets")
    raise SocketsUnavailable("the in-page Python cannot open network connections")


def _no_input(prompt=""):
    if prompt:
        sys.stdout.write(str(prompt))
    raise InputUnavailable(
        "input() cannot read from a keyboard here: the in-page Python has no terminal. "
        "Put the value in the code instead"
    )


class _Output:
    """sys.stdout / sys.stderr: every write goes straight to the page (no buffering)."""

    encoding = "utf-8"
    errors = "strict"
    newlines = None

    def __init__(self, fd: int, emit) -> None:
        self._fd = fd
        self._emit = emit
        self.name = "<stdout>" if fd == 1 else "<stderr>"

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        if text:
            self._emit(self._fd, text)
            if _State.printed is not None:
                _State.printed.write(self._fd, text)
        return len(text)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        return self._fd

    def writable(self) -> bool:
        return True

    def readable(self) -> bool:
        return False

    @property
    def closed(self) -> bool:
        return False


_STREAMS = {1: "stdout", 2: "stderr"}


class _PrintedLines:
    """What a run prints, line by line, for its timeline: each line goes to the lane that
    runs when it ends (print() writes its text and its newline separately)."""

    def __init__(self, recorder: guide_timeline.Recorder) -> None:
        self.recorder = recorder
        self.partial: dict[tuple[str, int], str] = {}

    def write(self, fd: int, text: str) -> None:
        recorder = self.recorder
        key = (recorder.running or program_lane(recorder), fd)
        if "\n" not in text:
            self.partial[key] = self.partial.get(key, "") + text
            return
        lines, _, rest = text.rpartition("\n")
        recorder.print(key[0], self.partial.pop(key, "") + lines, _STREAMS[fd])
        if rest:
            self.partial[key] = rest

    def flush(self) -> None:
        for (lane, fd), text in self.partial.items():
            self.recorder.print(lane, text, _STREAMS[fd])
        self.partial.clear()


class _Input:
    """sys.stdin: reading raises InputUnavailable, as input() does."""

    encoding = "utf-8"
    name = "<stdin>"
    closed = False

    def read(self, *args):
        _no_input()

    readline = read
    readlines = read

    def __iter__(self):
        _no_input()

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        return 0

    def readable(self) -> bool:
        return True


class _RunLoop(WebLoop):
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
        _State.loops.append(self)
        if _State.recorder is not None:
            trace_loop(self, _State.recorder)

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
            _State.exit_code = error.code
            self.cancel_everything()
        except KeyboardInterrupt:  # Stop, while a callback ran
            _State.stopping = True
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
                name = f"Task-{next(_State.task_names)}"
            task = asyncio.Task(coro, loop=self, name=name, context=context, **kwargs)
            if task._source_traceback:
                del task._source_traceback[-1]
        else:
            given = {"name": name, "context": context}
            given = {key: value for key, value in given.items() if value is not None}
            task = self._task_factory(self, coro, **given, **kwargs)
            if name is None:
                task.set_name(f"Task-{next(_State.task_names)}")
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
            super().run_until_complete(_settled(future))
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


class _Policy(WebLoopPolicy):
    """Pyodide's policy, making _RunLoops."""

    def new_event_loop(self) -> _RunLoop:
        self._default_loop = _RunLoop()
        return self._default_loop


def _sleep(seconds: float) -> None:
    """time.sleep. It blocks, as in CPython: inside a coroutine the whole event loop waits
    (Pyodide's would let other tasks run meanwhile). On a cross-origin isolated page the
    worker blocks on the interrupt buffer (Atomics.wait: exact, idle, and a Stop wakes it);
    elsewhere, outside coroutines, it waits on the browser's event loop (timers there are
    a few milliseconds late, sometimes tens), so that Stop is heard, and inside them Pyodide
    spins."""
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    _State.flush()
    if _State.block is not None:
        _State.block(seconds)
        return
    loop = asyncio._get_running_loop()
    in_task = loop is not None and asyncio.current_task(loop) is not None
    if in_task or not can_run_sync():
        _blocking_sleep(seconds)
    else:
        sleeping = asyncio.ensure_future(asyncio.sleep(seconds))
        run_sync(_settled(sleeping))
        sleeping.result()


def _settled(future: asyncio.Future) -> asyncio.Future:
    """A future of the same loop that completes, with None, when `future` is done, however
    it ends. run_sync waits on this one, and the caller then takes `future`'s result: an
    exception must not reject the promise run_sync waits on, or Pyodide prints it there
    (sys.excepthook), and the reader sees its traceback twice, the first one cut short."""
    settled = future.get_loop().create_future()

    def done(_future) -> None:
        if not settled.done():
            settled.set_result(None)

    future.add_done_callback(done)
    return settled


class _State:
    stopping = False
    exit_code: object = None
    lacking: list[str] = []  # noqa: RUF012 - what the run tried to use that a browser lacks
    task_names = itertools.count(1)
    loops: list[_RunLoop] = []  # noqa: RUF012 - the loops of the run in progress
    recorder: guide_timeline.Recorder | None = None  # the timeline of the run in progress
    printed: _PrintedLines | None = None
    policy: _Policy | None = None
    flush = staticmethod(lambda: None)
    block = None
    runtimes: dict[str, types.ModuleType] = {}  # noqa: RUF012
    sessions: dict[str, types.ModuleType] = {}  # noqa: RUF012
    modules: dict[str, types.ModuleType] = {}  # noqa: RUF012
    namespaces: dict[str, dict] = {}  # noqa: RUF012
    lists: dict[str, list] = {}  # noqa: RUF012
    environ: dict[str, str] = {}  # noqa: RUF012
    logging: dict = {}  # noqa: RUF012
    cwd = "/"
    recursion_limit = 1000
    int_max_str_digits = 4300
    switch_interval = 0.005


def setup(emit, flush, block=None) -> str:
    """Prepare the interpreter once; `emit(fd, text)` sends output to the page, `flush()`
    sends what is pending now, `block(seconds)` (if the page is cross-origin isolated)
    blocks the worker until then or until Stop."""
    _State.flush = flush
    _State.block = block
    sys.stdout = _Output(1, emit)
    sys.stderr = _Output(2, emit)
    sys.stdin = _Input()
    sys.__stdout__, sys.__stderr__, sys.__stdin__ = sys.stdout, sys.stderr, sys.stdin
    builtins.input = _no_input
    # Threads: stand-ins that raise until a threads runtime replaces them (install_runtime).
    for name in ("start_new_thread", "start_new", "start_joinable_thread"):
        if hasattr(_thread, name):
            setattr(_thread, name, _no_threads)
    import threading

    threading._start_joinable_thread = _no_threads
    threading._start_new_thread = _no_threads
    asyncio.to_thread = _async_no_threads
    WebLoop.run_in_executor = _loop_no_threads
    # Processes and sockets.
    for name in dir(os):
        if name in ("fork", "forkpty", "system", "popen", "posix_spawn", "posix_spawnp") or (
            name.startswith(("spawn", "exec")) and callable(getattr(os, name))
        ):
            setattr(os, name, _no_processes)
    for name in ("connect", "connect_ex", "bind", "sendto", "listen"):
        setattr(socket.socket, name, _no_sockets)
    socket.create_connection = _no_sockets
    socket.getaddrinfo = _no_sockets
    socket.gethostbyname = _no_sockets
    for name in ("create_connection", "create_server", "create_unix_connection"):
        setattr(WebLoop, name, _async_no_sockets)
    # asyncio: CPython's asyncio.run (Pyodide's reuses one loop that never closes).
    _State.policy = _Policy()
    set_policy = getattr(asyncio.events, "_set_event_loop_policy", asyncio.set_event_loop_policy)
    set_policy(_State.policy)
    asyncio.run = asyncio.runners.run
    time.sleep = _sleep
    sys.argv = [""]
    _snapshot()
    return json.dumps({"python": sys.version.split()[0]})


async def _async_no_threads(*args, **kwargs):
    _no_threads()


def _loop_no_threads(self, executor, func, *args):
    _no_threads()


async def _async_no_sockets(*args, **kwargs):
    _no_sockets()


def install_runtime(need: str, module_name: str) -> None:
    """The hook for runtimes (worker.js RUNTIMES): a package that gives Pyodide what it
    lacks, e.g. simulated threads. worker.js loads its wheel the first time a run needs
    it; here its module is imported and its install() called, once: what install()
    replaces (for threads: the stand-ins of setup(), _thread.start_new_thread,
    threading._start_joinable_thread, asyncio.to_thread, ...) becomes part of the state
    every run starts from. Optional hooks of the module, for each run that needs it:
    before_run(seed) before the program (returns the seed it used, or None; seed None
    asks for a new one), after_main() when the main program has ended (as CPython at exit:
    wait for threads), after_run() when the run is over, stop() when Stop is asked for.
    before_run also gets the run's timeline recorder (or None), into which the runtime
    records its threads."""
    module = importlib.import_module(module_name)
    module.install()
    _State.runtimes[need] = module
    _snapshot()


def _snapshot() -> None:
    _State.modules = dict(sys.modules)
    _State.namespaces = {
        name: dict(vars(module))
        for name, module in sys.modules.items()
        if isinstance(module, types.ModuleType)
    }
    _State.lists = {
        name: list(getattr(sys, name)) for name in ("path", "meta_path", "path_hooks", "argv")
    }
    _State.lists["warnings.filters"] = list(warnings.filters)
    _State.logging = _logging_state()
    _State.environ = dict(os.environ)
    _State.cwd = os.getcwd()
    _State.recursion_limit = sys.getrecursionlimit()
    _State.int_max_str_digits = sys.get_int_max_str_digits()
    _State.switch_interval = sys.getswitchinterval()


def _reset() -> None:
    """Put the interpreter back into the state _snapshot() saw."""
    for name in list(sys.modules):
        if name not in _State.modules:
            del sys.modules[name]
    sys.modules.update(_State.modules)
    for name, saved in _State.namespaces.items():
        namespace = vars(_State.modules[name])
        for key in [key for key in namespace if key not in saved]:
            del namespace[key]
        for key, value in saved.items():
            if namespace.get(key, _MISSING) is not value:
                namespace[key] = value
    for name in ("path", "meta_path", "path_hooks", "argv"):
        getattr(sys, name)[:] = _State.lists[name]
    warnings.filters[:] = _State.lists["warnings.filters"]
    warnings._filters_mutated()
    _restore_logging(_State.logging)
    sys.path_importer_cache.clear()
    importlib.invalidate_caches()
    if dict(os.environ) != _State.environ:
        os.environ.clear()
        os.environ.update(_State.environ)
    try:
        os.chdir(_State.cwd)
    except OSError:
        pass
    sys.setrecursionlimit(_State.recursion_limit)
    sys.set_int_max_str_digits(_State.int_max_str_digits)
    sys.setswitchinterval(_State.switch_interval)
    # Only if set: with simulated threads, setting them walks frames of switched stacks.
    if sys.gettrace() is not None:
        sys.settrace(None)
    if sys.getprofile() is not None:
        sys.setprofile(None)
    atexit._clear()
    random.seed()
    gc.enable()
    linecache.clearcache()


def _logging_state() -> dict:
    """The configuration of every logger (logging.basicConfig() in one run must not
    decide the format of the next)."""
    logging = sys.modules.get("logging")
    if logging is None:
        return {}
    loggers = {"": logging.root, **logging.Logger.manager.loggerDict}
    return {
        name: (logger, logger.level, list(logger.handlers), list(logger.filters), logger.propagate)
        for name, logger in loggers.items()
        if isinstance(logger, logging.Logger)
    }


def _restore_logging(saved: dict) -> None:
    logging = sys.modules.get("logging")
    if logging is None:
        return
    manager = logging.Logger.manager
    for name in [name for name in manager.loggerDict if name not in saved]:
        del manager.loggerDict[name]
    for name, (logger, level, handlers, filters, propagate) in saved.items():
        if name:
            manager.loggerDict[name] = logger
        logger.handlers[:] = handlers
        logger.filters[:] = filters
        logger.level, logger.propagate, logger.disabled = level, propagate, False
    manager._clear_cache()


def request_stop() -> None:
    """Stop asked for while the run waits (await, time.sleep): cancel its tasks."""
    _State.stopping = True
    for loop in _State.loops:
        loop.cancel_everything()
    _call_runtimes("stop", "")


def _call_runtimes(hook: str, needs: str, *args):
    """Call a hook of the installed runtimes (of those in `needs`, or of all if empty)."""
    results = []
    for need, module in list(_State.runtimes.items()):
        function = getattr(module, hook, None)
        if function is not None and (not needs or need in needs.split()):
            results.append(function(*args))
    return results


def run(
    code: str,
    filename: str,
    session: str,
    needs: str,
    seed=None,
    *,
    first_line: int = 1,
    timeline: bool = True,
) -> str:
    """Run one program as a script (__name__ == "__main__"); return what happened as JSON:
    status (finished, failed, exited, stopped), exit_code, error (the traceback, trimmed
    to the reader's code), limit (what the browser lacks, or null), restart (whether the
    interpreter should be replaced before the next run), seconds, seed (of a runtime that
    takes one: the simulated threads' schedule), timeline (see _timeline; recorded unless
    `timeline` is false, returned for programs with threads or tasks).

    The code is compiled as lines first_line... of `filename` (the page shows a snippet
    without its metadata block, numbering its lines as in the file), so tracebacks and
    warnings name the lines the reader sees."""
    _State.stopping = False
    _State.lacking = []
    _State.task_names = itertools.count(1)
    code = "\n" * (first_line - 1) + code
    result = {"status": "finished", "exit_code": 0, "error": None, "limit": None}
    result["restart"] = False
    if session:
        main = _State.sessions.setdefault(session, _main_module(filename))
    else:
        main = _main_module(filename)
    main.__file__ = filename
    sys.modules["__main__"] = main
    sys.argv[:] = [filename]
    linecache.cache[filename] = (len(code), None, code.splitlines(keepends=True), filename)
    _State.loops = []
    _State.exit_code = None
    _State.policy._default_loop = None
    asyncio._set_running_loop(None)
    recorder = _start_recording() if timeline else None
    start = _perf_counter()
    try:
        for used in _call_runtimes("before_run", needs, seed, recorder):
            if isinstance(used, int):
                result["seed"] = used
        if recorder is not None and recorder.running is None:  # no runtime took the lane
            recorder.run(program_lane(recorder))
        try:
            compiled = compile(code, filename, "exec", dont_inherit=True)
        except (SyntaxError, ValueError) as error:
            result.update(status="failed", exit_code=1, error=_format_error(error, filename))
        else:
            try:
                raised = None
                try:
                    exec(compiled, vars(main))
                except BaseException as error:  # the reader's code may raise anything
                    raised = error
                if not isinstance(raised, KeyboardInterrupt) and not _State.stopping:
                    _call_runtimes("after_main", needs)  # as at exit: wait for threads
                if raised is not None:
                    raise raised
                atexit._run_exitfuncs()
            except BaseException as error:  # the reader's code may raise anything
                _ended_by(error, result, filename)
        if _State.exit_code is not None and result["status"] == "finished":
            _ended_by(SystemExit(_State.exit_code), result, filename)
        if _State.lacking and result["limit"] is None and result["status"] != "stopped":
            # It tried, and carried on (e.g. caught the RuntimeError): its output is not
            # what the program prints where it can run.
            result.update(status="failed", exit_code=1, limit={"kind": _State.lacking[0]})
    finally:
        result["seconds"] = _perf_counter() - start
        if recorder is not None:
            result["timeline"] = _timeline(_stop_recording())
        for _attempt in range(3):  # a Stop that arrives just as the run ends
            try:
                _clean_up(filename)
                break
            except KeyboardInterrupt:
                continue
    return json.dumps(result)


def _start_recording() -> guide_timeline.Recorder:
    recorder = guide_timeline.Recorder(clock=_perf_counter)
    _State.recorder = recorder
    _State.printed = _PrintedLines(recorder)
    return recorder


def _stop_recording() -> guide_timeline.Recorder:
    recorder, printed = _State.recorder, _State.printed
    _State.recorder = _State.printed = None
    printed.flush()
    recorder.finish()
    return recorder


def _timeline(recorder: guide_timeline.Recorder) -> dict | None:
    """What the page shows of the run's timeline: the SVG and its counts, for a run with
    threads besides the main one or with asyncio tasks (None for a plain program)."""
    recording = recorder.to_dict()
    kinds = collections.Counter(lane["kind"] for lane in recording["lanes"])
    threads, tasks = kinds["thread"], kinds["task"]
    if threads < 2 and tasks < 1:
        return None
    summary = {
        "lanes": len(recording["lanes"]),
        "threads": threads,
        "tasks": tasks,
        "events": len(recording["events"]) + recording["dropped"],
        "dropped": recording["dropped"],
        "limit": recording["limit"],
        "clock": recording["clock"],
        "deadlock": bool(recording["deadlock"]),
    }
    try:
        summary["svg"], summary["svg_narrow"] = guide_timeline.render_svgs(recording)
    except Exception:  # a drawing bug must not cost the reader the run's result
        summary["svg"] = None
        summary["error"] = traceback.format_exc()
    return summary


def _clean_up(filename: str) -> None:
    _State.recorder = _State.printed = None
    _call_runtimes("after_run", "")
    for loop in _State.loops:
        loop.retire()
    _State.loops = []
    _State.policy._default_loop = None
    asyncio._set_running_loop(None)
    _reset()
    linecache.cache.pop(filename, None)


def _main_module(filename: str) -> types.ModuleType:
    main = types.ModuleType("__main__")
    main.__file__ = filename
    main.__builtins__ = builtins
    return main


def _ended_by(error: BaseException, result: dict, filename: str) -> None:
    if isinstance(error, SystemExit):
        code = error.code
        if code is None or code == 0:
            result.update(status="finished", exit_code=0)
            return
        if not isinstance(code, int):
            print(code, file=sys.stderr)
            code = 1
        result.update(status="exited", exit_code=code)
        return
    report = getattr(error, "deadlock_report", None)
    if isinstance(report, str):  # the threads runtime found that every thread waits forever
        result.update(status="deadlocked", exit_code=1, error=report)
        return
    stopped = _State.stopping and isinstance(
        error, KeyboardInterrupt | asyncio.CancelledError | InterruptedError
    )
    if stopped or isinstance(error, KeyboardInterrupt):
        result.update(status="stopped", exit_code=130)
        return
    result.update(status="failed", exit_code=1, limit=_limit(error))
    result["error"] = _format_error(error, filename)
    if isinstance(error, RecursionError | MemoryError | SystemError):
        result["restart"] = type(error).__name__  # truthy: the page names it to the reader


def _chain(error: BaseException):
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        yield error
        error = error.__cause__ or error.__context__


def _limit(error: BaseException) -> dict | None:
    """What the browser lacks that made the program fail, if that is why it failed."""
    for link in _chain(error):
        files = [frame.f_code.co_filename for frame, _ in traceback.walk_tb(link.__traceback__)]
        message = str(link)
        if isinstance(link, ThreadsUnavailable) or "can't start new thread" in message:
            return {"kind": "threads"}
        if isinstance(link, ProcessesUnavailable) or "does not support processes" in message:
            return {"kind": "processes"}
        if any("/multiprocessing/" in f or f.endswith("futures/process.py") for f in files):
            return {"kind": "processes"}
        if isinstance(link, SocketsUnavailable):
            return {"kind": "sockets"}
        if "stack switching" in message or "Cannot stack switch" in message:
            return {"kind": "jspi"}
        if isinstance(link, InputUnavailable):
            return {"kind": "input"}
        if isinstance(link, ModuleNotFoundError) and link.name:
            top = link.name.partition(".")[0]
            if top in {"_multiprocessing", "_posixsubprocess", "_posixshmem"}:
                return {"kind": "processes"}
            if top in sys.stdlib_module_names:
                return {"kind": "stdlib", "name": top}
            return {"kind": "package", "name": top}
    return None


def _format_error(error: BaseException, filename: str) -> str:
    """The traceback CPython would print, without the runner's own frames."""
    for link in _chain(error):
        link.__traceback__ = _trim(link.__traceback__, filename)
    if isinstance(error, ModuleNotFoundError) and error.name:
        error.args = (f"No module named {error.name!r}",)  # not Pyodide's "micropip.install"
    return "".join(traceback.format_exception(error))


def _trim(tb: types.TracebackType | None, filename: str) -> types.TracebackType | None:
    """Frames from the reader's first one on, less those of the machinery a browser run adds
    (this module, the timeline, Pyodide's event loop, the simulated threads), which CPython's
    traceback of the same program would not show."""
    entries = []
    while tb is not None:
        entries.append(tb)
        tb = tb.tb_next
    first = next(
        (i for i, e in enumerate(entries) if e.tb_frame.f_code.co_filename == filename), None
    )
    if first is None:
        return None
    kept = [e for e in entries[first:] if not _is_machinery(e.tb_frame.f_code.co_filename)]
    for entry, following in zip(kept, [*kept[1:], None], strict=True):
        entry.tb_next = following
    return kept[0]


def _is_machinery(filename: str) -> bool:
    return filename in _MACHINERY_FILES or any(part in filename for part in _MACHINERY_PARTS)


_MACHINERY_FILES = frozenset({__file__, guide_timeline.__file__, trace_loop.__code__.co_filename})
_MACHINERY_PARTS = ("/pyodide/webloop.py", "/_pyodide/", "/site-packages/simthreads/")
