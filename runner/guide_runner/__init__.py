"""The reader's side of the in-page runner: runs one program in Pyodide, in a Web Worker.

worker.js writes this package to Pyodide's file system, imports it once per interpreter,
calls setup() and then, for every click on Run, run(); install_runtime() the first time a
run needs a runtime, request_stop() when Stop comes while the program waits. Not a package
of the site build: it runs on Pyodide (Python 3.14), and the build embeds its text in
worker.js.

Each run starts from the state setup() left (baseline.py): a fresh __main__ namespace
(unless the page shares a session between blocks), without the modules the previous run
imported, with the module-level names of the preloaded modules (asyncio, sys, builtins, ...)
put back, and with sys.path, os.environ, the working directory, the recursion limit,
warnings filters, atexit handlers, the event loop and random's seed reset. After a run
that may have left the interpreter damaged (RecursionError, MemoryError, a crash, a forced
stop) worker.js starts a new interpreter instead.

What a browser cannot do ends the run with a `limit` the page explains (sandbox.py):
starting threads (until a threads runtime is installed, see install_runtime), starting
processes, opening sockets, asyncio.run() without WebAssembly stack switching (JSPI),
reading input(), and importing a package that is not in the standard library.

Each run of a threading or asyncio program also records a timeline (recording.py, with
guide.timeline, which worker.js ships beside this package with guide.timeline.loop_trace):
the runtimes record their threads, every event loop of the run its tasks (loop.py), and
every line printed goes to the lane that ran when it was printed (streams.py).

The modules: state (the run in progress and what lasts across runs), sandbox (the
stand-ins that refuse what a browser cannot do, and the limit a failure shows), streams
(stdout, stderr, stdin), loop (the event loop on Pyodide's WebLoop, time.sleep), baseline
(the state each run starts from), program (running one program), recording (its
timeline), tracebacks (CPython's traceback, without the runner's frames), explore (one
program under many seeds: its distinct outcomes), judge (an exercise's check.py on each
of many seeds).
"""

from __future__ import annotations

import asyncio
import builtins
import importlib
import json
import sys
import time

from . import sandbox, state
from .baseline import Baseline
from .explore import explore
from .judge import check_seeds
from .loop import Policy, sleep
from .program import call_runtimes, run
from .streams import Input, Output

__all__ = ["check_seeds", "explore", "install_runtime", "request_stop", "run", "setup"]


def setup(emit, flush, block, needs: str) -> str:
    """Prepare the interpreter once; `emit(fd, text)` sends output to the page, `flush()`
    sends what is pending now, `block(seconds)` (if the page is cross-origin isolated,
    else None) blocks the worker until then or until Stop; `needs` is runner/needs.json,
    whose "refusal"s the stand-ins for what a browser cannot do raise."""
    interpreter = state.interpreter
    interpreter.flush = flush
    interpreter.block = block
    sys.stdout = Output(1, emit)
    sys.stderr = Output(2, emit)
    sys.stdin = Input()
    sys.__stdout__, sys.__stderr__, sys.__stdin__ = sys.stdout, sys.stderr, sys.stdin
    builtins.input = sandbox.no_input
    refusals = {
        need: about["refusal"]
        for need, about in json.loads(needs)["needs"].items()
        if "refusal" in about
    }
    sandbox.install(refusals)
    # asyncio: CPython's asyncio.run (Pyodide's reuses one loop that never closes).
    interpreter.policy = Policy()
    set_policy = getattr(asyncio.events, "_set_event_loop_policy", asyncio.set_event_loop_policy)
    set_policy(interpreter.policy)
    asyncio.run = asyncio.runners.run
    time.sleep = sleep
    sys.argv = [""]
    interpreter.baseline = Baseline()
    return json.dumps({"python": sys.version.split()[0]})


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
    state.interpreter.runtimes[need] = module
    state.interpreter.baseline = Baseline()


def request_stop() -> None:
    """Stop asked for while the run waits (await, time.sleep): cancel its tasks."""
    state.run.stopping = True
    for loop in state.run.loops:
        loop.cancel_everything()
    call_runtimes("stop", "")
