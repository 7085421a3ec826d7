"""The locks a snippet makes, made visible to the tracer (tracer.py).

`with lock:` on a C lock shows no call to a profiler (its __enter__ is not reported), so
the locks the snippet itself makes (threading.Lock / RLock called from its code) are
TracedLocks: the same lock behind Python methods, which also note which thread holds it
(the watchdog reads that to find the wait-for cycle of a deadlock).
"""

from __future__ import annotations

import sys
import threading

get_ident = threading.get_ident


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


def trace_locks_made_by(snippet: str) -> None:
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
