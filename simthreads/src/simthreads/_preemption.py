"""Preemption: sys.monitoring switch points in the reader's code.

Where CPython may switch threads, at function starts and backward jumps, sys.monitoring
calls back into this module; each call counts one switch point off the running thread's
time slice, and the last one of the slice calls the scheduler's slice_end(). Only the
reader's code has switch points (local events on its code objects, see _user_code), and
only while two or more threads are alive.

The callbacks run millions of times, so what they need are this module's globals:
`countdown`, the switch points left in the current slice (the scheduler's virtual clock
counts them as time), and `scheduler`, the run whose slice_end() they call (set and
cleared by _run with the run's own)."""

from __future__ import annotations

import sys

from ._user_code import program_code

TOOL_NAME = "simthreads"
NO_SLICE = 1 << 62  # a countdown that never runs out: no switching

# Hot path: the switch points left in the current slice, and the current run's scheduler.
countdown = NO_SLICE
scheduler = None


class _Persistent:
    """State kept across runs. Not in module globals: the runner puts every module's
    globals back as they were after install() when a run ends."""

    tool_id: int | None = None


def _on_start(code, offset):
    global countdown
    countdown -= 1
    if countdown <= 0:
        running = scheduler
        if running is not None and running.active:
            running.slice_end()
        else:
            countdown = NO_SLICE


def _on_jump(code, offset, destination):
    global countdown
    if destination > offset:
        return sys.monitoring.DISABLE  # forward jumps are not switch points
    countdown -= 1
    if countdown <= 0:
        running = scheduler
        if running is not None and running.active:
            running.slice_end()
        else:
            countdown = NO_SLICE
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


def set_switch_points(codes, *, on: bool) -> None:
    tool = _register_tool()
    events = (sys.monitoring.events.PY_START | sys.monitoring.events.JUMP) if on else 0
    for code in codes:
        sys.monitoring.set_local_events(tool, code, events)


def instrument_user_code(frame=None) -> list:
    """Switch points on, in the reader's code only: sys.monitoring local events on every
    code object of the program (_user_code.program_code: the module's code, found on the
    calling stack, with all the functions, classes and lambdas compiled in it, and the
    functions in __main__ and in the program's own modules imported so far: a thread
    busy-waiting in a function of an imported module must be preempted too).

    Local events, never global ones: sys.monitoring.set_events() and sys.settrace() walk
    the frames of the running stack, which Pyodide's stack switching can leave dangling."""
    codes = program_code(frame if frame is not None else sys._getframe(1))
    set_switch_points(codes, on=True)
    return codes
