"""The deadlock report: who waits for what, who holds it, and the cycle of waits.

What a thread waits for is read from its stack: the call the reader's code made (Lock
acquire, Condition.wait, Queue.get, Thread.join, Future.result...) and the object it made it
on, named as the reader's code names it (`locks['X']`, `forks[1]`, `self.lock`)."""

from __future__ import annotations

import itertools
import sys
import threading

from ._primitives import Lock
from ._tasks import DONE
from ._user_code import is_user_file, program_frames

_LIBRARY_CONTAINERS = (dict, list, tuple)


def _is_user_frame(frame) -> bool:
    return is_user_file(frame.f_code.co_filename)


def _frames_from(frame):
    return program_frames(frame)


def _call_site(wait):
    """(the library frame the reader's code called, the reader's frame) for a wait."""
    entry = None
    for frame in _frames_from(wait.frame):
        if _is_user_frame(frame):
            return entry, frame
        entry = frame
    return entry, None


def _name_of(obj, frame, main_globals) -> str | None:
    """How the reader's code refers to `obj`: a variable, an item of a dict or list, or an
    attribute, found in the frames of the waiting thread and in the program's globals."""
    scopes = []
    for f in _frames_from(frame):
        if _is_user_frame(f):
            scopes.append(f.f_locals)
    if main_globals is not None:
        scopes.append(main_globals)
    for scope in scopes:
        for name, value in list(scope.items()):
            if value is obj and not name.startswith("__"):
                return name
    for scope in scopes:
        for name, value in list(scope.items()):
            if name.startswith("__") or isinstance(value, type(sys)):
                continue
            found = _inside(value, obj, name)
            if found:
                return found
    return None


def _inside(container, obj, prefix: str, depth: int = 2) -> str | None:
    if depth == 0:
        return None
    items = []
    if isinstance(container, dict):
        items = [(f"{prefix}[{key!r}]", value) for key, value in list(container.items())[:200]]
    elif isinstance(container, (list, tuple)):
        items = [(f"{prefix}[{i}]", value) for i, value in enumerate(container[:200])]
    else:
        attributes = getattr(container, "__dict__", None)
        if isinstance(attributes, dict) and not isinstance(container, type):
            items = [
                (f"{prefix}.{key}", value)
                for key, value in list(attributes.items())[:50]
                if not key.startswith("__")
            ]
    for path, value in items:
        if value is obj:
            return path
    for path, value in items:
        if isinstance(value, (dict, list, tuple)) or hasattr(value, "__dict__"):
            found = _inside(value, obj, path, depth - 1)
            if found:
                return found
    return None


def _thread_name(scheduler, ident) -> str:
    task = scheduler.tasks.get(ident)
    if task is not None:
        return task.name
    thread = threading._active.get(ident)
    return thread.name if thread is not None else f"thread {ident}"


def _describe(scheduler, task, main_globals):
    """(what `task` waits for, the ident of the thread it waits on or None, where)."""
    wait = task.wait
    if wait is None:
        return "waits", None, ""
    entry, user = _call_site(wait)
    where = f"line {user.f_lineno}, in {user.f_code.co_name}" if user is not None else ""
    target = entry.f_locals.get("self") if entry is not None else None
    function = entry.f_code.co_name if entry is not None else ""

    def named(obj, kind):
        name = _name_of(obj, wait.frame, main_globals)
        return f"{kind} {name}" if name else f"a {kind}"

    if isinstance(target, threading.Thread) or wait.kind == "join":
        handle = wait.obj
        ident = getattr(handle, "ident", None)
        name = (
            target.name if isinstance(target, threading.Thread) else _thread_name(scheduler, ident)
        )
        return f"waits for thread {name} to end (join)", ident, where
    if isinstance(target, Lock) or (target is None and isinstance(wait.obj, Lock)):
        lock = target if isinstance(target, Lock) else wait.obj
        return f"waits for {named(lock, 'Lock')}", lock._owner, where
    if isinstance(target, threading._PyRLock):
        return f"waits for {named(target, 'RLock')}", target._owner, where
    if isinstance(target, threading.Condition):
        return f"waits for a notify() on {named(target, 'Condition')}", None, where
    if isinstance(target, threading.Semaphore):
        kind = type(target).__name__
        return f"waits to acquire {named(target, kind)} (its value is 0)", None, where
    if isinstance(target, threading.Event):
        return f"waits for {named(target, 'Event')} to be set", None, where
    if isinstance(target, threading.Barrier):
        there = f"{target.n_waiting} of {target.parties} threads there"
        return f"waits at {named(target, 'Barrier')} ({there})", None, where
    queue_module = sys.modules.get("queue")
    if queue_module is not None:
        queue_types = (queue_module.Queue, getattr(queue_module, "_PySimpleQueue", ()))
        if isinstance(target, queue_types):
            kind = type(target).__name__
            if function == "put":
                return f"waits for room in {named(target, kind)} (full)", None, where
            if function == "join":
                return f"waits in {named(target, kind)}.join() for task_done()", None, where
            return f"waits for an item from {named(target, kind)} (empty)", None, where
    futures = sys.modules.get("concurrent.futures")
    if futures is not None:
        if isinstance(target, futures.Future):
            return f"waits for the result of {named(target, 'Future')}", None, where
        if isinstance(target, futures.Executor):
            return f"waits in {type(target).__name__}.{function}()", None, where
    if wait.kind == "lock" and isinstance(wait.obj, Lock) and entry is not None:
        qualname = entry.f_code.co_qualname
        return f"waits in {qualname}()", None, where
    return f"waits ({wait.kind})", None, where


def _cycle(edges: dict) -> list:
    for start in edges:
        path, seen = [], {}
        node = start
        while node in edges and node not in seen:
            seen[node] = len(path)
            path.append(node)
            node = edges[node]
        if node in seen:
            return [*path[seen[node] :], node]
    return []


def deadlock_report(scheduler) -> str:
    return deadlock_details(scheduler)[0]


def deadlock_details(scheduler) -> tuple[str, list[dict]]:
    """The report, and the wait-for cycle as data for a timeline:
    [{"lane": "T<ident>", "waits_for": "T<ident>", "what": "Lock lock_a"}, ...]."""
    main_globals = _main_globals()
    tasks = [t for t in scheduler.tasks.values() if t.state is not DONE]
    rows = []
    edges = {}
    for task in tasks:
        what, holder, where = _describe(scheduler, task, main_globals)
        if holder is not None and task.wait is not None and task.wait.kind == "join":
            edges[task.ident] = holder
        elif holder is not None:
            holder_task = scheduler.tasks.get(holder)
            holder_name = _thread_name(scheduler, holder)
            if holder == task.ident:
                what += ", which this very thread holds"
            elif holder_task is not None and holder_task.state is DONE:
                what += f", held by {holder_name}, which ended without releasing it"
            else:
                what += f", held by {holder_name}"
            edges[task.ident] = holder
        rows.append((task.name, what, where))
    count = len(rows)
    noun = "the only thread is" if count == 1 else f"all {count} threads are"
    lines = [f"Deadlock: {noun} blocked, and no thread can ever wake another."]
    width = max(len(name) for name, _, _ in rows)
    for name, what, where in rows:
        lines.append(f"  {name:<{width}}  {what}" + (f"  ({where})" if where else ""))
    cycle = _cycle(edges)
    if cycle:
        lines.append("Wait-for cycle: " + " → ".join(_thread_name(scheduler, i) for i in cycle))
    lines.append(
        "CPython would hang here forever. These threads are simulated on one WebAssembly "
        "thread, so the deadlock was detected and the program stopped."
    )
    return "\n".join(lines), _cycle_data(scheduler, cycle)


def _cycle_data(scheduler, cycle: list) -> list[dict]:
    edges = []
    for waiter, holder in itertools.pairwise(cycle):
        task = scheduler.tasks.get(waiter)
        what = blocked_on(scheduler, task.wait)[1] if task is not None and task.wait else ""
        edges.append({"lane": f"T{waiter}", "waits_for": f"T{holder}", "what": what})
    return edges


def _main_globals():
    main_module = sys.modules.get("__main__")
    return vars(main_module) if main_module is not None else None


# --- what a timeline says a thread waits on ----------------------------------------------

_FALLBACK_REASONS = {"lock": "lock", "join": "join", "sleep": "sleep"}


def blocked_on(scheduler, wait) -> tuple[str, str]:
    """(reason, what) for a timeline's block mark: the reason one of guide_timeline.REASONS,
    from the library call the reader's code made (Queue.get blocks on a lock inside a
    Condition: its reason is "queue"); `what` short, naming the object as the reader's code
    does ("Lock lock_a", "Queue.get on jobs", "sleep 0.1 s"). Cheap: a few frames walked,
    and each object's name looked up once per run."""
    if wait.kind == "sleep":
        return "sleep", f"sleep {wait.obj:g} s" if wait.obj is not None else "sleep"
    entry, user = _call_site(wait)
    if user is None:  # library code on its own (a Timer): its outermost known call
        entry = _known_call(wait) or entry
    target = _self_of(entry)
    function = entry.f_code.co_name if entry is not None else ""

    def held(kind: str) -> str:  # "Lock lock_a"
        name = _cached_name(scheduler, target, wait)
        return f"{kind} {name}" if name else kind

    def called(method: str) -> str:  # "Queue.get on jobs"
        name = _cached_name(scheduler, target, wait)
        return f"{method} on {name}" if name else method

    if isinstance(target, threading.Thread) and function in ("join", "start"):
        return "join", f"{function} {target.name}"  # start waits for the thread to run
    if isinstance(target, (Lock, threading._PyRLock)):
        return "lock", held("RLock" if isinstance(target, threading._PyRLock) else "Lock")
    if isinstance(target, threading.Condition):
        if function.startswith("wait"):
            return "condition", called(f"Condition.{function}")
        return "lock", held("Condition")
    if isinstance(target, threading.Semaphore):
        return "lock", held(type(target).__name__)
    if isinstance(target, (threading.Event, threading.Barrier)):
        return "condition", called(f"{type(target).__name__}.wait")
    queue_module = sys.modules.get("queue")
    if queue_module is not None and isinstance(
        target, (queue_module.Queue, getattr(queue_module, "_PySimpleQueue", ()))
    ):
        return "queue", called(f"{type(target).__name__}.{function}")
    futures = sys.modules.get("concurrent.futures")
    if futures is not None:
        if isinstance(target, futures.Future):
            return "join", called(f"Future.{function}")
        if isinstance(target, futures.Executor):
            method = "shutdown" if function == "__exit__" else function  # submit: a start
            return "join", called(f"{type(target).__name__}.{method}")
        if entry is not None and entry.f_globals.get("__name__") == "concurrent.futures._base":
            return "join", _FUTURES_CALLS.get(function, f"concurrent.futures.{function}")
    if wait.kind == "join":
        return "join", f"join {_thread_name(scheduler, getattr(wait.obj, 'ident', None))}"
    if isinstance(wait.obj, Lock) and user is None:
        return "lock", "Lock"
    what = f"{entry.f_code.co_qualname}()" if entry is not None else ""
    return _FALLBACK_REASONS.get(wait.kind, "await"), what


_FUTURES_CALLS = {
    "wait": "concurrent.futures.wait",
    "as_completed": "as_completed",
    "result_iterator": "Executor.map results",
}


def _known_types() -> tuple:
    known = [Lock, threading._PyRLock, threading.Condition, threading.Semaphore]
    known += [threading.Event, threading.Barrier]
    queue_module = sys.modules.get("queue")
    if queue_module is not None:
        known += [queue_module.Queue, getattr(queue_module, "_PySimpleQueue", Lock)]
    futures = sys.modules.get("concurrent.futures")
    if futures is not None:
        known += [futures.Future, futures.Executor]
    return tuple(known)


def _known_call(wait):
    """The outermost frame of a call on a threading, queue or futures object."""
    known = _known_types()
    found = None
    for frame in _frames_from(wait.frame):
        target = _self_of(frame)
        if isinstance(target, known) or (
            isinstance(target, threading.Thread) and frame.f_code.co_name in ("join", "start")
        ):
            found = frame
    return found


def _self_of(frame):
    if frame is None:
        return None
    code = frame.f_code
    if code.co_argcount and code.co_varnames[0] == "self":
        return frame.f_locals.get("self")
    return None


def _cached_name(scheduler, obj, wait) -> str | None:
    """How the reader's code names `obj`, looked up once per object and run."""
    names = scheduler.names
    cached = names.get(id(obj))
    if cached is not None and cached[0] is obj:
        return cached[1]
    name = _name_of(obj, wait.frame, _main_globals())
    names[id(obj)] = (obj, name)  # holding obj: its id cannot be reused in this run
    return name
