"""What a browser cannot do, refused the way CPython would refuse it: stand-ins for starting
threads (until a threads runtime replaces them), starting processes, opening sockets and
reading input(), and limit(), which names what the browser lacks when that is why a
program failed. The messages the stand-ins raise come from runner/needs.json (its
"refusal"s), which runner/start_python.mjs passes to setup()."""

from __future__ import annotations

import _thread
import asyncio
import os
import socket
import sys
import traceback

from pyodide.webloop import WebLoop

from . import state
from .tracebacks import chain

# need: the message its stand-in raises (install() fills it from needs.json).
REFUSALS: dict[str, str] = {}


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


def no_threads(*args, **kwargs):
    state.run.lacking.append("threads")
    raise ThreadsUnavailable(REFUSALS["threads"])


def no_processes(*args, **kwargs):
    state.run.lacking.append("processes")
    raise ProcessesUnavailable(REFUSALS["processes"])


def no_sockets(*args, **kwargs):
    state.run.lacking.append("sockets")
    raise SocketsUnavailable(REFUSALS["sockets"])


def no_input(prompt=""):
    if prompt:
        sys.stdout.write(str(prompt))
    raise InputUnavailable(REFUSALS["input"])


async def _async_no_threads(*args, **kwargs):
    no_threads()


def _loop_no_threads(self, executor, func, *args):
    no_threads()


async def _async_no_sockets(*args, **kwargs):
    no_sockets()


def install(refusals: dict[str, str]) -> None:
    """Put the stand-ins in place (threads: until a threads runtime replaces them, see
    install_runtime); `refusals`: need -> the message its stand-in raises."""
    missing = {"threads", "processes", "sockets", "input"} - refusals.keys()
    if missing:
        raise ValueError(f"needs.json gives no refusal for {', '.join(sorted(missing))}")
    REFUSALS.clear()
    REFUSALS.update(refusals)
    for name in ("start_new_thread", "start_new", "start_joinable_thread"):
        if hasattr(_thread, name):
            setattr(_thread, name, no_threads)
    import threading

    threading._start_joinable_thread = no_threads
    threading._start_new_thread = no_threads
    asyncio.to_thread = _async_no_threads
    WebLoop.run_in_executor = _loop_no_threads
    # Processes and sockets.
    for name in dir(os):
        if name in ("fork", "forkpty", "system", "popen", "posix_spawn", "posix_spawnp") or (
            name.startswith(("spawn", "exec")) and callable(getattr(os, name))
        ):
            setattr(os, name, no_processes)
    for name in ("connect", "connect_ex", "bind", "sendto", "listen"):
        setattr(socket.socket, name, no_sockets)
    socket.create_connection = no_sockets
    socket.getaddrinfo = no_sockets
    socket.gethostbyname = no_sockets
    for name in ("create_connection", "create_server", "create_unix_connection"):
        setattr(WebLoop, name, _async_no_sockets)


def limit(error: BaseException) -> dict | None:
    """What the browser lacks that made the program fail, if that is why it failed."""
    for link in chain(error):
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
