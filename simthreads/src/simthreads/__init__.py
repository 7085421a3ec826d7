"""simthreads: the threading API on Pyodide's one WebAssembly thread.

Inside Pyodide (and only there), install() makes threading, _thread, queue,
concurrent.futures.ThreadPoolExecutor, asyncio.to_thread and time.sleep work with simulated
threads: each runs on its own stack, one at a time, switching where CPython may switch
(function starts and backward jumps in the reader's code, after sys.getswitchinterval()),
and when it blocks. Interleaving and blocking are real; parallel speed-up is not.

A run goes:

    simthreads.install()              # once per interpreter
    simthreads.before_run(seed=42)    # each run: a new scheduler, seeded (and a timeline
                                      # recorder, optionally: see before_run)
    ... the program's main thread ...
    simthreads.after_main()           # as CPython's exit: join the non-daemon threads
    simthreads.after_run()            # unwind what is left (daemon threads)

When every live thread waits forever, the main thread gets a `Deadlock` exception whose
`report` names each thread, what it waits for and who holds it, and the cycle of waits.
"""

from __future__ import annotations

import itertools
import os
import random
import signal
import sys

from . import _primitives, _run, _tasks, _user_code
from ._tasks import Deadlock

__all__ = [
    "Deadlock",
    "after_main",
    "after_run",
    "before_run",
    "install",
    "installed",
    "last_seed",
    "new_seed",
    "stop",
]
__version__ = "1.0.0"

SEED_RANGE = 1_000_000  # seeds shown to readers: short enough to read and type

_state = {"installed": False, "seed": None, "atexits": []}


def installed() -> bool:
    return _state["installed"]


def new_seed() -> int:
    return random.SystemRandom().randrange(1, SEED_RANGE)


def last_seed() -> int | None:
    """The seed of the current (or last) run."""
    return _state["seed"]


def _set_native_id(self) -> None:
    self._native_id = _primitives.get_ident()


def _native_id(self):
    return getattr(self, "_native_id", None)


def _as_seed(value) -> int | None:
    """A seed from what the page sent (a number, digits), or None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def install() -> None:
    """Replace the thread primitives, once per interpreter. Only inside Pyodide."""
    if _state["installed"]:
        return
    if sys.platform != "emscripten":
        raise RuntimeError(
            "simthreads runs only inside Pyodide; elsewhere use the real threading module"
        )
    import _thread
    import _threading_local
    import queue
    import sysconfig
    import threading
    import time

    from . import _asyncio

    main_ident = threading.main_thread().ident
    _primitives._main_ident = main_ident
    _primitives._fallback_sleep = time.sleep

    # Switch points are in the reader's code only: never in the standard library, in
    # installed packages, in this package or in modules loaded before the first run.
    prefixes = {os.path.dirname(__file__)}
    for key in ("stdlib", "platstdlib", "purelib", "platlib"):
        path = sysconfig.get_paths().get(key)
        if path:
            prefixes.add(path)
    for module in list(sys.modules.values()):
        filename = getattr(module, "__file__", None)
        if isinstance(filename, str):
            prefixes.add(filename)
    prefixes.update(p for p in sys.path if p and os.path.isdir(p) and p != os.getcwd())
    # Pyodide's standard library is a zip file (/lib/python314.zip): the modules a program
    # imports from it later (concurrent.futures.thread, statistics...) are library code too.
    prefixes.update(p + "/" for p in sys.path if p.endswith(".zip") and os.path.isfile(p))
    _user_code.set_library_prefixes(sorted(prefixes))

    P = _primitives
    # threading.local: the pure-Python one (Pyodide's C one has one namespace for every
    # simulated thread), under the name and module CPython's has.
    local = type(
        "_local",
        (_threading_local.local,),
        {"__module__": "_thread", "__qualname__": "_local", "__slots__": ()},
    )
    for module in (_thread,):
        module.start_new_thread = P.start_new_thread
        module.start_new = P.start_new_thread
        module.start_joinable_thread = P.start_joinable_thread
        module.allocate_lock = P.Lock
        module.allocate = P.Lock
        module.LockType = P.Lock
        module.lock = P.Lock
        module.RLock = threading._PyRLock
        module.get_ident = P.get_ident
        module.get_native_id = P.get_ident
        module._ThreadHandle = P.ThreadHandle
        module._make_thread_handle = P.make_thread_handle
        module._local = local
        module._count = P.count
        module.daemon_threads_allowed = lambda: True
        module.TIMEOUT_MAX = P.TIMEOUT_MAX

    threading._start_joinable_thread = P.start_joinable_thread
    threading._start_new_thread = P.start_new_thread
    threading._allocate_lock = P.Lock
    threading._LockType = P.Lock
    threading.Lock = P.Lock
    threading._CRLock = None  # threading.RLock() makes the pure-Python _PyRLock
    threading.get_ident = P.get_ident
    threading.get_native_id = P.get_ident
    threading._ThreadHandle = P.ThreadHandle
    threading._make_thread_handle = P.make_thread_handle
    threading._daemon_threads_allowed = lambda: True
    threading.local = local
    # Where current_thread() keeps what takes a _DummyThread out of threading._active
    # when its thread ends.
    threading._thread_local_info = P.TaskLocal()
    threading._time = P.monotonic
    threading.TIMEOUT_MAX = P.TIMEOUT_MAX
    threading._main_thread._os_thread_handle = P.ThreadHandle(main_ident)
    # Pyodide's threading has no native_id (no get_native_id): give threads one, as
    # CPython does on every platform the guide runs on.
    threading._HAVE_THREAD_NATIVE_ID = True
    if "get_native_id" not in threading.__all__:
        threading.__all__.append("get_native_id")
    threading.Thread._set_native_id = _set_native_id
    threading.Thread.native_id = property(_native_id, doc="The thread's native id.")
    threading._main_thread._native_id = main_ident
    threading._make_invoke_excepthook = P.make_invoke_excepthook(threading._make_invoke_excepthook)

    # The C SimpleQueue blocks the real thread: the pure-Python one, under its real name.
    queue.SimpleQueue = type(
        "SimpleQueue",
        (queue._PySimpleQueue,),
        {"__module__": "queue", "__qualname__": "SimpleQueue"},
    )
    queue.time = P.monotonic

    time.sleep = P.sleep
    time.perf_counter = P.perf_counter
    time.perf_counter_ns = P.perf_counter_ns
    time.monotonic = P.monotonic
    time.monotonic_ns = P.monotonic_ns
    time.time = P.time
    time.time_ns = P.time_ns

    _asyncio.install()
    _state["atexits"] = list(threading._threading_atexits)
    _state["installed"] = True


def before_run(seed: int | None = None, recorder=None) -> int:
    """Start a run: a fresh scheduler with this seed (a new one if None). The seed also
    seeds the random module, so that a program's own random choices replay too.

    With a recorder (a guide_timeline.Recorder), the run records its timeline into it on
    the scheduler's virtual clock: one lane per thread ("T<ident>"), who runs when, where
    each blocks and on what, wakes, ends, and a deadlock's wait-for cycle."""
    import threading

    install()
    if _run.current is not None:
        _run.end_run()
    seed = _as_seed(seed)
    if seed is None:
        seed = new_seed()
    _state["seed"] = seed
    threading._threading_atexits[:] = _state["atexits"]
    if hasattr(threading, "_SHUTTING_DOWN"):
        threading._SHUTTING_DOWN = False
    # What a run may have left in threading's tables (a thread never started...).
    main = threading._main_thread
    for ident in [i for i in threading._active if i != main.ident]:
        del threading._active[ident]
    threading._active[main.ident] = main
    threading._limbo.clear()
    if hasattr(threading, "_counter"):  # thread names start again at Thread-1
        threading._counter = itertools.count(1).__next__
    _primitives.set_epoch_offset()
    _run.start_run(seed, threading.main_thread().ident, recorder)
    signal.signal(signal.SIGINT, _run.on_interrupt)
    random.seed(seed)
    return seed


def after_main() -> None:
    """The main program has ended: as CPython does at exit (threading._shutdown), call the
    threading atexit callbacks (concurrent.futures shuts its pools down), then wait for
    every non-daemon thread. A deadlock among them raises Deadlock here."""
    import threading

    scheduler = _run.current
    if scheduler is None or not scheduler.active or scheduler.deadlocked:
        return  # a deadlock already stopped the program: there is nothing to wait for
    if hasattr(threading, "_SHUTTING_DOWN"):
        threading._SHUTTING_DOWN = True
    for callback in reversed(list(threading._threading_atexits)):
        callback()
    threading._threading_atexits[:] = _state["atexits"]
    while True:
        waiting = [
            task
            for task in scheduler.tasks.values()
            if task is not scheduler.main
            and not task.daemon
            and task.state is not _tasks.DONE
            and task.handle is not None
        ]
        if not waiting:
            break
        for task in waiting:
            task.handle.join()
    if scheduler.recorder is not None:
        scheduler.rename_lanes()  # the program is over: the names are final


def after_run() -> None:
    """The run is over (finished, failed, deadlocked or stopped): unwind the threads still
    blocked, silently, and forget the run. A recorder gets the threads' last names, and
    an end for the threads still there (detail None: they stopped with the run)."""
    signal.signal(signal.SIGINT, signal.default_int_handler)
    _run.end_run()


def stop() -> bool:
    """Stop asked for while the program waits: the main thread gets KeyboardInterrupt
    where it waits. False if it is not waiting on the scheduler."""
    scheduler = _run.current
    if scheduler is None or not scheduler.active or not scheduler.interrupt_main():
        return False
    if scheduler.current is None:  # every thread waits: the main thread runs at once
        scheduler.ready.remove(scheduler.main)
        scheduler._cancel_idle_timer()
        scheduler._run(scheduler.main)
    return True


def scheduler_info() -> dict:
    """Figures about the current run (for tests and benchmarks)."""
    scheduler = _run.current
    if scheduler is None:
        return {}
    return {
        "seed": scheduler.seed,
        "switches": scheduler.switches,
        "threads": len(scheduler.tasks),
        "virtual_time": scheduler.now(),
    }
