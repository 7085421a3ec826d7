"""Stack switching: how a simulated thread's stack waits for its turn.

Each simulated thread runs on its own stack (a promising call into Pyodide). To wait, a
stack suspends itself with `pyodide.ffi.run_sync` on a JavaScript promise (WebAssembly
JSPI); the scheduler resumes it by resolving that promise. Here: the few JavaScript
functions that needs (promises, timers, starting a stack), and suspending the running
stack on a loop that no simulated thread owns."""

from __future__ import annotations

import asyncio


class _Persistent:
    """State kept across runs. Not in module globals: the runner puts every module's
    globals back as they were after install() when a run ends."""

    neutral_loop = None  # see _neutral_loop


class JS:
    """The few JavaScript functions the scheduler needs (created on first use)."""

    glue = None

    @classmethod
    def get(cls):
        if cls.glue is None:
            from pyodide.code import run_js

            cls.glue = run_js(
                """({
                  deferred() {
                    let resolve;
                    const promise = new Promise((r) => { resolve = r; });
                    return [promise, resolve];
                  },
                  later(f, ms) { return setTimeout(() => f(), ms); },
                  cancel(id) { clearTimeout(id); },
                  spawn(f) {
                    f.callPromising()
                      .catch((e) => console.error("simthreads: a thread's stack failed", e))
                      .finally(() => f.destroy());
                  },
                })"""
            )
        return cls.glue


def pending():
    """A new JavaScript promise and the function that resolves it."""
    pair = JS.get().deferred()
    return pair[0], pair[1]


def suspend(promise) -> None:
    """Suspend the running stack until `promise` settles. Meanwhile Pyodide keeps what it
    needs to resume the stack on the thread's current event loop (asyncio.get_event_loop():
    the policy's default loop when none runs). That must be a loop no simulated thread
    owns, or the callback that resumes this thread would wait for the thread owning it."""
    from pyodide.ffi import run_sync

    loop = asyncio._get_running_loop()
    asyncio._set_running_loop(_neutral_loop())
    try:
        run_sync(promise)
    finally:
        asyncio._set_running_loop(loop)


def _neutral_loop():
    """A plain Pyodide WebLoop of the runtime's own, which no thread runs."""
    loop = _Persistent.neutral_loop
    if loop is None:
        from pyodide.webloop import WebLoop

        running = asyncio._get_running_loop()
        loop = _Persistent.neutral_loop = WebLoop()
        asyncio._set_running_loop(running)
    return loop
