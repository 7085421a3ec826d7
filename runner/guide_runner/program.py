"""Running one program as a script, and what happened: run() (see guide_runner.run)."""

from __future__ import annotations

import asyncio
import atexit
import builtins
import json
import linecache
import sys
import types

from guide.timeline.loop_trace import program_lane

from . import recording, state
from .sandbox import limit
from .tracebacks import format_error


def call_runtimes(hook: str, needs: str, *args):
    """Call a hook of the installed runtimes (of those in `needs`, or of all if empty)."""
    results = []
    for need, module in list(state.interpreter.runtimes.items()):
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
    takes one: the simulated threads' schedule), timeline (see recording.summary; recorded
    unless `timeline` is false, returned for programs with threads or tasks).

    The code is compiled as lines first_line... of `filename` (the page shows a snippet
    without its metadata block, numbering its lines as in the file), so tracebacks and
    warnings name the lines the reader sees."""
    current = state.run
    current.begin()
    code = "\n" * (first_line - 1) + code
    result = {"status": "finished", "exit_code": 0, "error": None, "limit": None}
    result["restart"] = False
    if session:
        main = state.interpreter.sessions.setdefault(session, _main_module(filename))
    else:
        main = _main_module(filename)
    main.__file__ = filename
    sys.modules["__main__"] = main
    sys.argv[:] = [filename]
    linecache.cache[filename] = (len(code), None, code.splitlines(keepends=True), filename)
    state.interpreter.policy._default_loop = None
    asyncio._set_running_loop(None)
    recorder = recording.start() if timeline else None
    start = recording.perf_counter()
    try:
        for used in call_runtimes("before_run", needs, seed, recorder):
            if isinstance(used, int):
                result["seed"] = used
        if recorder is not None and recorder.running is None:  # no runtime took the lane
            recorder.run(program_lane(recorder))
        try:
            compiled = compile(code, filename, "exec", dont_inherit=True)
        except (SyntaxError, ValueError) as error:
            result.update(status="failed", exit_code=1, error=format_error(error, filename))
        else:
            try:
                raised = None
                try:
                    exec(compiled, vars(main))
                except BaseException as error:  # the reader's code may raise anything
                    raised = error
                if not isinstance(raised, KeyboardInterrupt) and not current.stopping:
                    call_runtimes("after_main", needs)  # as at exit: wait for threads
                if raised is not None:
                    raise raised
                atexit._run_exitfuncs()
            except BaseException as error:  # the reader's code may raise anything
                _ended_by(error, result, filename)
        if current.exit_code is not None and result["status"] == "finished":
            _ended_by(SystemExit(current.exit_code), result, filename)
        if current.lacking and result["limit"] is None and result["status"] != "stopped":
            # It tried, and carried on (e.g. caught the RuntimeError): its output is not
            # what the program prints where it can run.
            result.update(status="failed", exit_code=1, limit={"kind": current.lacking[0]})
    finally:
        result["seconds"] = recording.perf_counter() - start
        if recorder is not None:
            result["timeline"] = recording.summary(recording.stop())
        for _attempt in range(3):  # a Stop that arrives just as the run ends
            try:
                _clean_up(filename)
                break
            except KeyboardInterrupt:
                continue
    return json.dumps(result)


def _clean_up(filename: str) -> None:
    current = state.run
    current.recorder = current.printed = None
    call_runtimes("after_run", "")
    for loop in current.loops:
        loop.retire()
    current.loops = []
    state.interpreter.policy._default_loop = None
    asyncio._set_running_loop(None)
    state.interpreter.baseline.restore()
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
    stopped = state.run.stopping and isinstance(
        error, KeyboardInterrupt | asyncio.CancelledError | InterruptedError
    )
    if stopped or isinstance(error, KeyboardInterrupt):
        result.update(status="stopped", exit_code=130)
        return
    result.update(status="failed", exit_code=1, limit=limit(error))
    result["error"] = format_error(error, filename)
    if isinstance(error, RecursionError | MemoryError | SystemError):
        result["restart"] = type(error).__name__  # truthy: the page names it to the reader
