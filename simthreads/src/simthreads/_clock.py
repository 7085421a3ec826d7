"""Virtual time: the clock of a run, which time.perf_counter(), monotonic() and time() read
while the run is on (see _primitives).

While one thread is alive it follows the real clock. While two or more are alive it is
virtual: it advances by TICK at every switch point (counted by _preemption's countdown),
by SWITCH_COST at every switch, and jumps forward when every thread sleeps (after really
waiting that long, so that the page shows the pauses); while every thread waits and one of
them waits for the browser it follows the real clock again (an asyncio loop's timers, which
fire on the real clock, come due then as they would in CPython). So a program's timings
come out as on CPython, and the same seed gives the same times."""

from __future__ import annotations

import time as _time

from . import _preemption
from ._preemption import NO_SLICE

# The real clock, captured before install() gives the time module virtual clocks.
real_perf_counter = _time.perf_counter

TICK = 1e-6  # virtual seconds per switch point while several threads are alive
# Virtual time one switch costs (waking a thread, handing over the GIL): a program that
# loops until a deadline hands over as often as it would on CPython, not thousands of times
# more (each switch costs far more real time here).
SWITCH_COST = 50e-6


class VirtualClock:
    """The clock part of a Scheduler: `now()`, and `_commit()`, which brings `vnow` up to
    date (the switch points counted since the last commit, or the real time passed)."""

    def __init__(self) -> None:
        self.multi = False  # two or more threads alive: the clock is virtual
        self.vnow = self.real_anchor = real_perf_counter()  # starts at the real clock
        self.mark = 0  # _preemption.countdown when the clock was last brought up to date
        # While every thread waits and one waits for the browser: when the real clock was
        # last read (virtual time follows it then), else None.
        self.idle_since: float | None = None

    def now(self) -> float:
        if self.multi:
            if self.idle_since is not None:
                return self.vnow + (real_perf_counter() - self.idle_since)
            return self.vnow + (self.mark - _preemption.countdown) * TICK
        return self.vnow + (real_perf_counter() - self.real_anchor)

    def _commit(self) -> None:
        if self.multi:
            self.vnow += (self.mark - _preemption.countdown) * TICK
            self.mark = _preemption.countdown
            if self.idle_since is not None:
                real = real_perf_counter()
                self.vnow += real - self.idle_since
                self.idle_since = real
        else:
            real = real_perf_counter()
            self.vnow += real - self.real_anchor
            self.real_anchor = real

    def follow_real_clock(self) -> None:
        """From now on the clock follows the real one (at the end of a run: a recorder may
        still read it when it finishes): the switch-point countdown no longer counts."""
        self._commit()
        self.multi = False
        self.idle_since = None
        self.real_anchor = real_perf_counter()
        _preemption.countdown = self.mark = NO_SLICE
