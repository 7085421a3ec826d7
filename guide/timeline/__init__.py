"""Timelines of concurrent runs: who ran when, where each waited and on what, where it woke,
where it printed. One module for the three places that make them:

- in the browser, the simulated threads' scheduler (simthreads/) and the asyncio loop of
  the runner's Python record into a `Recorder` during a run (runner/worker.js ships this
  package to Pyodide as `guide.timeline`);
- on CPython, guide/cpython_timeline/ records a run of a snippet (`nox -s record` keeps it
  for the page's figure);
- `render_svg` draws what either recorded, as plain SVG (styled by the site's CSS, so it
  follows the light and dark palettes): svg.py, with story.py
  (what happened, lane by lane), scale.py (time to x, and how times read),
  frame.py (axis, cycle, legend), budget.py (how many marks, which ones the Tab key
  reaches) and text.py.

A recording is a dict (JSON-ready):

    {"clock": "virtual" | "real",        # simulated threads run on virtual time
     "lanes": [{"id": str, "name": str, "kind": "thread" | "task" | "program"}, ...],
     "events": [[t, type, lane, detail, extra], ...],   # seconds from the start, in order
     "end": t,                            # when the recording ended
     "dropped": n, "limit": n,            # events left out between the first and last `limit`
     "deadlock": None | [{"lane": id, "waits_for": id, "what": str}, ...]}   # the cycle

Event types (detail, extra):
    "start"   the lane begins (its name, the lane that started it or None)
    "run"     the lane runs from t until the next "run", "idle", "block" or "end"
    "idle"    nobody runs (every thread or task waits)
    "block"   the lane waits (a reason from REASONS, what it waits on: "Lock lock_a")
    "wake"    the wait is over ("woken" | "timeout" | "ready"); it runs at its next "run"
    "print"   the lane printed one line (its text, "stdout" | "stderr")
    "end"     the lane ended ("returned" | "cancelled" | "raised ValueError" ..., None)
"""

from __future__ import annotations

import collections
import time

# Why a lane waits: the kinds of marks a timeline draws.
REASONS = (
    "lock",  # Lock, RLock, Semaphore acquire
    "condition",  # Condition.wait, Event.wait, Barrier.wait
    "queue",  # queue.Queue get/put, asyncio.Queue
    "sleep",  # time.sleep, asyncio.sleep
    "join",  # Thread.join, Future.result, awaiting another task
    "await",  # any other await
    "io",  # a socket, a file, the browser
)

LIMIT = 5000  # events kept at each end of a long run


class BoundedEvents:
    """The first and the last `limit` events appended, and how many were left out between
    them: bounded memory however long the run."""

    def __init__(self, limit: int = LIMIT) -> None:
        self.limit = limit
        self.head: list = []
        self.tail: collections.deque = collections.deque(maxlen=limit)
        self.dropped = 0

    def append(self, event) -> None:
        if len(self.head) < self.limit:
            self.head.append(event)
            return
        if len(self.tail) == self.limit:
            self.dropped += 1
        self.tail.append(event)

    def __iter__(self):
        yield from self.head
        yield from list(self.tail)


class Recorder(BoundedEvents):
    """Records the events of one run with bounded memory: the first and the last `limit`
    events are kept, and how many were left out between them is counted."""

    def __init__(self, *, clock=time.perf_counter, virtual: bool = False, limit: int = LIMIT):
        super().__init__(limit)
        self.clock = clock
        self.virtual = virtual
        self.t0 = clock()
        self.lanes: dict[str, dict] = {}
        self.running: str | None = None
        self.cycle: list[dict] | None = None
        self.finished_at: float | None = None

    def use_clock(self, clock, *, virtual: bool) -> None:
        """Time the run by another clock from now on (the simulated threads' virtual time);
        call it before the first event."""
        self.clock = clock
        self.virtual = virtual
        self.t0 = clock()

    # --- recording ----------------------------------------------------------------------

    def now(self) -> float:
        return self.clock() - self.t0

    def _add(self, t, kind: str, lane, detail=None, extra=None) -> None:
        self.append([round(self.now() if t is None else t - self.t0, 9), kind, lane, detail, extra])

    def lane(self, lane: str, name: str, kind: str = "thread", parent: str | None = None, t=None):
        """A new lane (a thread, a task, or the program outside any task)."""
        if lane not in self.lanes:
            self.lanes[lane] = {"id": lane, "name": name, "kind": kind}
            self._add(t, "start", lane, name, parent)

    def rename(self, lane: str, name: str) -> None:
        """Threads are often named after they were created: the lane takes the last name."""
        if lane in self.lanes:
            self.lanes[lane]["name"] = name

    def run(self, lane: str, t=None) -> None:
        if lane != self.running:
            self.running = lane
            self._add(t, "run", lane)

    def idle(self, t=None) -> None:
        if self.running is not None:
            self.running = None
            self._add(t, "idle", None)

    def block(self, lane: str, reason: str, what: str = "", t=None) -> None:
        if self.running == lane:
            self.running = None
        self._add(t, "block", lane, reason if reason in REASONS else "await", what)

    def wake(self, lane: str, how: str = "woken", t=None) -> None:
        self._add(t, "wake", lane, how)

    def print(self, lane: str | None, text: str, stream: str = "stdout", t=None) -> None:
        """One event per line printed (a line longer than 120 characters is cut)."""
        for line in text.splitlines():
            self._add(t, "print", lane, line if len(line) <= 120 else line[:119] + "…", stream)

    def end(self, lane: str, how: str = "returned", t=None) -> None:
        if self.running == lane:
            self.running = None
        self._add(t, "end", lane, how)

    def deadlock(self, cycle: list[dict]) -> None:
        """The wait-for cycle: [{"lane": id, "waits_for": id, "what": str}, ...]."""
        self.cycle = cycle

    def finish(self, t=None) -> None:
        self.finished_at = self.now() if t is None else t - self.t0

    # --- the result -----------------------------------------------------------------------

    def to_dict(self) -> dict:
        events = list(self)
        end = self.finished_at
        if end is None:
            end = max(self.now(), events[-1][0] if events else 0.0)
        return {
            "clock": "virtual" if self.virtual else "real",
            "lanes": list(self.lanes.values()),
            "events": events,
            "end": round(end, 9),
            "dropped": self.dropped,
            "limit": self.limit,
            "deadlock": self.cycle,
        }


# --- drawing (svg.py and the modules it uses) --------------------------------


def render_svg(recording: dict, *, caption: str | None = None, layout: str = "wide") -> str:
    """The recording as an SVG figure (svg.py): the "wide" layout for a page's
    column and print, or the "narrow" one for a phone."""
    from . import svg  # on first use: a run that draws nothing never imports it

    return svg.render_svg(recording, caption=caption, layout=layout)


def render_svgs(recording: dict, *, caption: str | None = None) -> tuple[str, str]:
    """The wide and the narrow figure of one recording (the page shows the one that fits)."""
    from . import svg

    return svg.render_svgs(recording, caption=caption)
