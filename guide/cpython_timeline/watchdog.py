"""Ending a run that never ends on its own.

A snippet that never ends by design ([tool.guide] blocks) is stopped: when its threads
have waited in a cycle of locks (each lock held by the next thread of the cycle) for as
long as the program ran before the cycle closed (so the figure shows both), or after
`--blocks-after` seconds at the latest. The cycle goes to Recorder.deadlock, the recording
is written, and the process ends with os._exit (its threads can never end). Any other
snippet fails when it runs past its `--timeout`.
"""

from __future__ import annotations

import _thread
import os
import sys
import time
from pathlib import Path

from .result import write_result
from .tracer import Names, clock

SETTLE_MIN = 0.002  # seconds a lock cycle lasts, at least, before a deadlock is declared
WATCH_EVERY = 0.002  # seconds between two looks of the watchdog


class Watchdog:
    """Ends a run that never ends: a deadlock (see the package's doc) or, for a snippet that
    blocks by design, `blocks_after` seconds; a run past its timeout fails."""

    def __init__(self, tracer, recorder, out: Path, blocks_after: float | None, timeout: float):
        self.tracer = tracer
        self.recorder = recorder
        self.out = out
        self.blocks_after = blocks_after
        self.timeout = timeout

    def start(self) -> None:
        """A bare thread (_thread): no Thread object, never followed by the hooks."""
        _thread.start_new_thread(self.watch, ())

    def watch(self) -> None:
        started = clock()
        cycle_since = None
        tracer = self.tracer
        while True:
            time.sleep(WATCH_EVERY)
            now = clock()
            if self.blocks_after is None:
                if now - started > self.timeout:
                    sys.__stderr__.write(f"still running after {self.timeout:g} s\n")
                    os._exit(3)
                continue
            cycle = tracer.lock_cycle() if tracer else None
            if cycle is None:
                cycle_since = None
            elif cycle_since is None:
                cycle_since = now
            settled = cycle_since is not None and (
                now - cycle_since >= max(SETTLE_MIN, cycle_since - (tracer.began or started))
            )
            if settled or now - started >= self.blocks_after:
                self.stop(cycle, now)

    def stop(self, cycle, now: float) -> None:
        recorder = self.recorder
        if self.tracer is not None:
            lanes = self.tracer.record_into(recorder, stopped=now)
            if cycle:
                names = Names(self.tracer.globals)
                recorder.deadlock(
                    [
                        {
                            "lane": lanes[ident],
                            "waits_for": lanes[holder],
                            "what": f"Lock {names.of(lock)}".strip(),
                        }
                        for ident, lock, holder in cycle
                    ]
                )
        recorder.finish(t=now)
        write_result(self.out, recorder)
        sys.__stdout__.flush()
        os._exit(0)
