"""Running the snippet under the recorder: as `python SNIPPET` would run it (as __main__, its
folder first on sys.path), its threads followed by the tracer (tracer.py, locks.py,
prints.py) or, when it uses asyncio, its tasks (tasks.py); the watchdog (watchdog.py) ends
a run that never ends. The result (result.py) goes to a JSON file."""

from __future__ import annotations

import runpy
import sys
import threading
import traceback
from pathlib import Path

from guide import timeline as guide_timeline

from .locks import trace_locks_made_by
from .prints import tap_output
from .result import write_result
from .tasks import trace_asyncio
from .tracer import ThreadTracer, clock
from .watchdog import Watchdog


def _uses_asyncio(path: Path) -> bool:
    from guide.hooks import examples

    return "asyncio" in examples.browser_needs(path.read_text(encoding="utf-8"))


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
        trace_asyncio(recorder)
    else:
        trace_locks_made_by(path)
        tap_output(tracer.printed)
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
        write_result(out, recorder, status)
        return 0
    tracer.thread_ended(how)
    tracer.uninstall_here()
    _join_threads_that_keep_the_process()
    ended = clock()
    tracer.record_into(recorder, stopped=ended)
    recorder.finish(t=ended)
    write_result(out, recorder, status)
    return 0


def _join_threads_that_keep_the_process() -> None:
    """What the interpreter does at exit: wait for the threads that are not daemons."""
    for thread in threading.enumerate():
        if thread is not threading.current_thread() and not thread.daemon:
            thread.join()
