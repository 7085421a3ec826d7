"""Timelines of concurrent runs: who ran when, where each waited and on what, where it woke,
where it printed. One module for the three places that make them:

- in the browser, the simulated threads' scheduler (theme/runtime/) and the asyncio loop of
  guide_runtime.py record into a `Recorder` during a run (worker.js ships this file to
  Pyodide as the module `guide_timeline`);
- at build time, theme/hooks/timelines.py records a CPython run of a snippet;
- `render_svg` draws what either recorded, as plain SVG (styled by the site's CSS, so it
  follows the light and dark palettes).

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
import math
import re
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


# --- drawing ------------------------------------------------------------------------------
#
# The SVG's contract with the page's CSS, scripts and tests:
#   svg.tl                                    the figure (role="img", <title>, <desc>)
#   g.tl-lane[data-lane][data-kind]           one per lane, in the order of "lanes"
#     (.tl-lane--deadlocked when in the deadlock cycle), holding text.tl-name
#   rect.tl-run                               a stretch the lane ran
#   .tl-wait.tl-wait--<reason>                a wait, from "block" to "wake" (or the next run)
#   .tl-wake, .tl-print, .tl-end              marks
#   g.tl-cycle                                the deadlock's wait-for arrows
#   .tl-gap                                   where events were left out of a long run
#   [tabindex="0"][aria-label] with <title>   items that show details on hover and focus


# Sizes in the SVG's own units (the viewBox is WIDTH wide; CSS scales it to the column).
WIDTH = 720
ROW = 26  # one lane
PAD = 8  # around the figure
GAP_MIN_WIDTH = 64  # the band that stands for the events not kept
MAX_ELEMENTS = 2000  # the marks drawn (a run may have thousands of switches), tips aside
ELEMENTS_PER = {"runs": 2, "waits": 5, "wakes": 2, "prints": 2}  # a mark and its <title>...
MAX_FOCUSABLE = 150  # items reachable with the Tab key
MAX_NAMED_LANES = 12  # lanes listed by name in <desc>
MARK_LINES = 6  # lines printed close together, listed in their merged mark (and the last)

# How each reason reads in titles and the legend, and the letter drawn where a wait begins.
REASON_TEXT = {
    "lock": ("waits for a lock", "L"),
    "condition": ("waits for a condition or event", "C"),
    "queue": ("waits on a queue", "Q"),
    "sleep": ("sleeps", "S"),
    "join": ("waits for a result", "J"),
    "await": ("awaits", "A"),
    "io": ("waits for I/O", "I"),
}
KIND_NOUN = {"thread": ("thread", "threads"), "task": ("task", "tasks")}


def render_svg(recording: dict, *, caption: str | None = None) -> str:
    """The recording as an SVG figure: one row per lane, a bar where it ran, a band where it
    waited (styled by why), marks where it woke, printed and ended; a hatched band where a long
    run's events were left out; the wait-for cycle of a deadlock. Colours come from the classes
    (theme/assets/timeline.css), so the figure follows the page's palette."""
    story = _Story.read(recording)
    return _Drawing(story, caption).svg()


# --- what happened, lane by lane --------------------------------------------------------


class _Stretch:
    """A time a lane ran or waited; after merging, several that lie too close to tell apart."""

    __slots__ = ("count", "how", "reason", "reasons", "t0", "t1", "total", "whats")

    def __init__(self, t0: float, t1: float, reason: str = "", what: str = "", how=None):
        self.t0, self.t1, self.count, self.total = t0, t1, 1, t1 - t0
        self.reason, self.reasons = reason, {reason: 1}  # the most frequent one, and counts
        self.whats, self.how = [what] if what else [], how

    def copy(self) -> _Stretch:
        twin = _Stretch(self.t0, self.t1, self.reason, how=self.how)
        twin.count, twin.total = self.count, self.total
        twin.reasons, twin.whats = dict(self.reasons), list(self.whats)
        return twin

    @classmethod
    def joined(cls, stretches: list[_Stretch]) -> _Stretch:
        if len(stretches) == 1:
            return stretches[0]
        joined = stretches[0].copy()
        for stretch in stretches[1:]:
            joined.absorb(stretch)
        joined.reason = max(joined.reasons, key=joined.reasons.__getitem__)
        return joined

    def absorb(self, other: _Stretch) -> None:
        self.t1 = max(self.t1, other.t1)
        self.count += other.count
        self.total += other.total
        self.how = other.how
        for reason, n in other.reasons.items():
            self.reasons[reason] = self.reasons.get(reason, 0) + n
        for what in other.whats:
            if what not in self.whats and len(self.whats) < 3:
                self.whats.append(what)


class _Mark:
    """A moment (a wake or a printed line); after merging, several close together (their
    first lines and the last are kept for the title)."""

    __slots__ = ("count", "how", "last", "t", "texts")

    def __init__(self, t: float, text: str = "", how: str = ""):
        self.t, self.count, self.texts, self.last, self.how = t, 1, [text], text, how

    @classmethod
    def joined(cls, marks: list[_Mark]) -> _Mark:
        if len(marks) == 1:
            return marks[0]
        first = marks[0]
        joined = _Mark(first.t, how=first.how)
        joined.texts, joined.count, joined.last = list(first.texts), first.count, first.last
        for mark in marks[1:]:
            joined.absorb(mark)
        return joined

    def absorb(self, other: _Mark) -> None:
        self.count += other.count
        for text in other.texts:
            if len(self.texts) < MARK_LINES:
                self.texts.append(text)
        self.last = other.last

    def lines(self) -> list[str]:
        if self.count <= len(self.texts):
            return self.texts
        skipped = self.count - len(self.texts) - 1
        return [*self.texts, *([f"… {skipped} more"] if skipped else []), self.last]


class _Lane:
    def __init__(self, lane_id: str, name: str, kind: str):
        self.id, self.name, self.kind = lane_id, name, kind
        self.runs: list[_Stretch] = []
        self.waits: list[_Stretch] = []
        self.wakes: list[_Mark] = []
        self.prints: list[_Mark] = []
        self.start: tuple[float, str | None] | None = None  # (t, parent lane)
        self.end: tuple[float, str] | None = None
        self.deadlocked = False


class _Story:
    """The recording's events turned into stretches and marks per lane."""

    def __init__(self, recording: dict):
        self.virtual = recording.get("clock") == "virtual"
        self.events = recording.get("events") or []
        self.end = float(recording.get("end") or 0.0)
        if self.events:
            self.end = max(self.end, float(self.events[-1][0]))
        self.dropped = int(recording.get("dropped") or 0)
        self.limit = int(recording.get("limit") or 0)
        self.cycle = recording.get("deadlock") or []
        self.lanes: dict[str, _Lane] = {}
        for lane in recording.get("lanes") or []:
            self.lanes[lane["id"]] = _Lane(lane["id"], str(lane["name"]), lane.get("kind", ""))
        self.gap: tuple[float, float] | None = None  # the time whose events were not kept
        if self.dropped and 0 < self.limit < len(self.events):
            self.gap = (float(self.events[self.limit - 1][0]), float(self.events[self.limit][0]))
        for edge in self.cycle:
            if edge.get("lane") in self.lanes:
                self.lanes[edge["lane"]].deadlocked = True

    @classmethod
    def read(cls, recording: dict) -> _Story:
        story = cls(recording)
        story._replay()
        return story

    def _lane(self, lane_id) -> _Lane:
        if lane_id not in self.lanes:  # an event of a lane the recording does not list
            self.lanes[lane_id] = _Lane(lane_id, str(lane_id), "thread")
        return self.lanes[lane_id]

    def _replay(self) -> None:
        running: str | None = None
        since = 0.0
        blocked: dict[str, tuple[float, str, str]] = {}

        def stop_running(t: float) -> None:
            nonlocal running
            if running is not None:
                self._lane(running).runs.append(_Stretch(since, t))
                running = None

        def stop_waiting(lane_id: str, t: float, how) -> None:
            t0, reason, what = blocked.pop(lane_id)
            self._lane(lane_id).waits.append(_Stretch(t0, t, reason, what, how))

        for index, (t, kind, lane_id, detail, extra) in enumerate(self.events):
            t = float(t)
            if self.gap and index == self.limit:
                # Nothing is known of the time left out: close what was open, draw nothing
                # over it, and start again from what the kept events after it show.
                stop_running(self.gap[0])
                for waiting in list(blocked):
                    stop_waiting(waiting, self.gap[0], None)
                running = self._running_after_gap(index)
                since = self.gap[1]
            if kind == "start":
                self._lane(lane_id).start = (t, extra)
            elif kind == "run":
                stop_running(t)
                running, since = lane_id, t
                if lane_id in blocked:  # it ran again without a recorded wake
                    stop_waiting(lane_id, t, None)
            elif kind == "idle":
                stop_running(t)
            elif kind == "block":
                if running == lane_id:
                    stop_running(t)
                if lane_id in blocked:
                    stop_waiting(lane_id, t, None)
                reason = detail if detail in REASON_TEXT else "await"
                blocked[lane_id] = (t, reason, str(extra or ""))
            elif kind == "wake":
                if lane_id in blocked:
                    stop_waiting(lane_id, t, detail or "woken")
                self._lane(lane_id).wakes.append(_Mark(t, how=str(detail or "woken")))
            elif kind == "print":
                owner = lane_id or running or ("P" if "P" in self.lanes else None)
                if owner is not None:
                    how = "stderr" if extra == "stderr" else "stdout"
                    self._lane(owner).prints.append(_Mark(t, str(detail or ""), how))
            elif kind == "end":
                if running == lane_id:
                    stop_running(t)
                if lane_id in blocked:
                    stop_waiting(lane_id, t, "ended")
                self._lane(lane_id).end = (t, str(detail or "ended"))
        stop_running(self.end)
        for waiting in list(blocked):
            stop_waiting(waiting, self.end, None)

    def _running_after_gap(self, index: int) -> str | None:
        """The lane that was running when the kept events resume: the one that blocks before
        any lane is switched to (only a running lane blocks)."""
        for _, kind, lane_id, *_ in self.events[index:]:
            if kind in ("run", "idle"):
                return None
            if kind == "block":
                return lane_id
        return None


# --- from time to x ----------------------------------------------------------------------


class _Scale:
    """Time to x: linear, or in two linear pieces around the band of events not kept (a long
    run keeps its first and last events, and each part gets room enough to be read)."""

    def __init__(self, end: float, x0: float, x1: float, gap, gap_width: float):
        self.end = max(end, 1e-9)
        self.gap = gap
        if gap is None:
            self.pieces = [(0.0, self.end, x0, x1)]
        else:
            g0, g1 = gap
            room = x1 - x0 - gap_width
            before, after = max(g0, 0.0), max(self.end - g1, 0.0)
            share = 0.5 if before + after == 0 else before / (before + after)
            share = min(max(share, 0.3), 0.7)
            xa = x0 + room * share
            self.pieces = [
                (0.0, g0, x0, xa),
                (g0, g1, xa, xa + gap_width),
                (g1, self.end, xa + gap_width, x1),
            ]

    def x(self, t: float) -> float:
        for t0, t1, x0, x1 in self.pieces:
            if t <= t1:
                if t1 <= t0:
                    return x0
                return x0 + (max(t, t0) - t0) / (t1 - t0) * (x1 - x0)
        return self.pieces[-1][3]

    def bounds(self, t: float) -> tuple[float, float]:
        """Left and right x of the piece of the axis that `t` lies in."""
        piece = self.pieces[2 * self.side(t)] if self.gap else self.pieces[0]
        return piece[2], piece[3]

    def side(self, t: float) -> int:
        """0 before the band of events not kept, 1 after it (stretches never join across)."""
        return 1 if self.gap and t > self.gap[0] else 0

    def axis_pieces(self):
        """The pieces of the axis that carry ticks (not the band of events not kept)."""
        return self.pieces[::2]


def _nice_step(raw: float) -> float:
    """1, 2 or 5 times a power of ten, near `raw` (up to a third denser)."""
    exponent = math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * 10**exponent >= raw * 0.7:
            return factor * 10**exponent
    return 10 ** (exponent + 1)


def _unit(span: float) -> tuple[float, str]:
    if span >= 1:
        return 1.0, "s"
    if span >= 1e-3:
        return 1e-3, "ms"
    return 1e-6, "µs"


def _time_text(t: float, unit: tuple[float, str]) -> str:
    """A time in the figure's unit with three significant digits: 0.0123 s as "12.3 ms"."""
    value = t / unit[0]
    if value == 0:
        return f"0 {unit[1]}"
    digits = max(0, 2 - math.floor(math.log10(abs(value))))
    text = f"{value:.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"{text} {unit[1]}"


def _groups(spots, reach: float, *, chain: bool, alike: bool) -> list[tuple[int, int]]:
    """Where runs of neighbouring spots (x0, x1, side, key) begin and end: a spot joins the
    group before it when it starts less than `reach` after the group's right end (`chain`)
    or after its first spot, on the same side of the gap, with the same key if `alike`."""
    groups = []
    start, right, side, key = 0, -math.inf, None, None
    for i, (x0, x1, spot_side, spot_key) in enumerate(spots):
        if x0 - right < reach and spot_side == side and (not alike or spot_key == key):
            if chain:
                right = max(right, x1)
            continue
        if i:
            groups.append((start, i))
        start, right, side, key = i, x1, spot_side, spot_key
    if spots:
        groups.append((start, len(spots)))
    return groups


# --- text that is safe in XML -------------------------------------------------------------

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def _clean(text) -> str:
    """Text as XML allows it: control characters (a printed ANSI colour code) and lone
    surrogates shown as escapes instead of breaking the document."""
    return _NOT_XML.sub(lambda m: ascii(m.group())[1:-1], str(text))


_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


def _text(text) -> str:
    """Text for an element or (in double quotes) an attribute."""
    return _clean(text).translate(_ESCAPES)


def _attr(text) -> str:
    return f'"{_text(text)}"'


def _cut(text: str, chars: int) -> str:
    return text if len(text) <= chars else text[: max(chars - 1, 1)] + "…"


def _text_width(text: str, size: float) -> float:
    """About how wide a line of text is (no font metrics at build time, nor in the worker)."""
    return len(text) * size * 0.56


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


# --- the figure ---------------------------------------------------------------------------


class _Drawing:
    def __init__(self, story: _Story, caption: str | None):
        self.story = story
        self.caption = caption
        self.lanes = list(story.lanes.values())
        self.unit = _unit(story.end)
        self.out: list[str] = []
        longest = max((_text_width(lane.name, 12) for lane in self.lanes), default=40)
        self.clock = "virtual time" if story.virtual else "time"
        axis_name = _text_width(self.clock + " →", 10) + 18
        self.names_width = min(max(longest + 14, axis_name, 64), 170)
        self.top = PAD + (22 if caption else 12)
        self.x0 = PAD + self.names_width
        self.x1 = WIDTH - PAD - 14
        self.cycle = [edge for edge in story.cycle if edge.get("lane") in story.lanes]
        if self.cycle:
            self.arc_x = self.x1 - 150 - 12 * min(len(self.cycle), 4)
            self.x1 = self.arc_x - 6
        self.gap_note = f"{story.dropped:,} events not kept" if story.gap else ""
        gap_width = max(GAP_MIN_WIDTH, _text_width(self.gap_note, 10) + 14)
        self.scale = _Scale(story.end, self.x0, self.x1, story.gap, gap_width)
        self.merge_px = self._merge_until_small()
        self.keyboard = self._choose_focusable()

    # --- keeping it small ---

    def _merge_until_small(self) -> float:
        """Join stretches and marks closer than `merge_px` (from one pixel, doubling) until
        the figure stays under MAX_ELEMENTS. Positions are computed once; each try only
        finds where groups begin."""
        x, side = self.scale.x, self.scale.side
        plans = []
        for lane in self.lanes:
            for kind in ("runs", "waits", "wakes", "prints"):
                items = getattr(lane, kind)
                if kind in ("runs", "waits"):
                    spots = [(x(s.t0), x(s.t1), side(s.t0), s.reason) for s in items]
                else:
                    spots = [(x(m.t), x(m.t), side(m.t), m.how) for m in items]
                plans.append((lane, kind, items, spots))
        merge_px = 1.0  # closer than a pixel, two stretches look like one anyway
        while True:
            chosen = []
            count = 0
            for lane, kind, items, spots in plans:
                if kind == "runs":
                    groups = _groups(spots, merge_px, chain=True, alike=False)
                elif kind == "waits":
                    # waits for different reasons join only when joining alike ones is not enough
                    groups = _groups(spots, merge_px, chain=True, alike=merge_px < 4)
                else:
                    reach = max(merge_px, 6.0 if kind == "wakes" else 5.0)
                    groups = _groups(spots, reach, chain=False, alike=True)
                count += ELEMENTS_PER[kind] * len(groups)
                chosen.append((lane, kind, items, groups))
            if count <= MAX_ELEMENTS or merge_px > WIDTH:
                break
            merge_px *= 2
        for lane, kind, items, groups in chosen:
            joined = _Stretch.joined if kind in ("runs", "waits") else _Mark.joined
            setattr(lane, kind, [joined(items[start:stop]) for start, stop in groups])
        return merge_px

    def _choose_focusable(self) -> set:
        """What the Tab key reaches: the cycle, each lane's end, then the first waits and
        printed lines, up to MAX_FOCUSABLE in all."""
        chosen = {("cycle", i) for i in range(len(self.cycle[:MAX_FOCUSABLE]))}
        for lane in self.lanes:
            if lane.end and len(chosen) < MAX_FOCUSABLE:
                chosen.add(("end", lane.id))
        moments = sorted(
            [(w.t0, "wait", lane.id, i) for lane in self.lanes for i, w in enumerate(lane.waits)]
            + [(p.t, "print", lane.id, i) for lane in self.lanes for i, p in enumerate(lane.prints)]
        )
        self.reachable_total = len(self.cycle) + sum(1 for lane in self.lanes if lane.end)
        self.reachable_total += len(moments)
        for _, kind, lane_id, i in moments:
            if len(chosen) >= MAX_FOCUSABLE:
                break
            chosen.add((kind, lane_id, i))
        return chosen

    # --- writing ---

    def svg(self) -> str:
        body = self.out
        y = self.top
        if self.caption:
            body.append(
                f'<text class="tl-caption" x="{PAD}" y="{PAD + 12}">{_text(self.caption)}</text>'
            )
        self._grid(y)
        for index, lane in enumerate(self.lanes):
            self._lane(lane, index, y + ROW * index)
        lanes_bottom = y + ROW * len(self.lanes)
        if self.story.gap:
            self._gap(y, lanes_bottom)
        if self.cycle:
            self._cycle(y)
        y = self._axis(lanes_bottom)
        if self.cycle:
            y = self._deadlock_note(y)
        y = self._legend(y)
        height = math.ceil(y + PAD)
        head = (
            f'<svg class="tl" xmlns="http://www.w3.org/2000/svg" role="img" '
            f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
            f'font-family="sans-serif" font-size="11" data-clock="{"virtual" if self.story.virtual else "real"}">'
            f"<title>{_text(self.caption or self._title())}</title>"
            f"<desc>{_text(self._desc())}</desc>"
        )
        return head + "".join(body) + "</svg>"

    def _title(self) -> str:
        return "Timeline of " + self._lane_count()

    def _lane_count(self) -> str:
        counts: dict[str, int] = {}
        for lane in self.lanes:
            counts[lane.kind] = counts.get(lane.kind, 0) + 1
        parts = []
        for kind, n in counts.items():
            if kind == "program":
                parts.append("the main program")
            else:
                one, many = KIND_NOUN.get(kind, ("lane", "lanes"))
                parts.append(f"{n} {one if n == 1 else many}")
        return " and ".join(parts) if parts else "no threads or tasks"

    def _desc(self) -> str:
        story = self.story
        names = ", ".join(lane.name for lane in self.lanes[:MAX_NAMED_LANES])
        if len(self.lanes) > MAX_NAMED_LANES:
            names += f" and {len(self.lanes) - MAX_NAMED_LANES} more"
        clock = self.clock
        kept = len(story.events)
        text = [
            f"Timeline of {self._lane_count()} ({names}): {kept + story.dropped:,} events "
            f"over {_time_text(story.end, self.unit)} of {clock}."
        ]
        if story.gap:
            text.append(
                f"{story.dropped:,} events not kept, between {_time_text(story.gap[0], self.unit)} "
                f"and {_time_text(story.gap[1], self.unit)}: only the first and last "
                f"{story.limit:,} are shown."
            )
        if self.cycle:
            edges = "; ".join(self._edge_text(edge) for edge in self.cycle)
            text.append(f"Deadlock: {edges}.")
        if self.reachable_total > MAX_FOCUSABLE:
            text.append(
                f"The first {MAX_FOCUSABLE} of {self.reachable_total} marks can be reached with the "
                "keyboard; the rest show their details on hover only."
            )
        return " ".join(text)

    def _edge_text(self, edge: dict) -> str:
        lanes = self.story.lanes
        waiting = lanes[edge["lane"]].name
        holder = lanes[edge["waits_for"]].name if edge.get("waits_for") in lanes else "?"
        what = f" ({edge['what']})" if edge.get("what") else ""
        return f"{waiting} waits for {holder}{what}"

    def _focus_attrs(self, key, label: str) -> str:
        if key not in self.keyboard:
            return ""
        return f' tabindex="0" role="img" aria-label={_attr(label)}'

    def _tip(self, key, label: str, x: float, row_y: float) -> None:
        """The details of a focused mark, drawn above its row (CSS shows it on :focus)."""
        if key not in self.keyboard:
            return
        text = _cut(label, 90)
        width = _text_width(text, 10) + 10
        left = min(max(x - width / 2, 2), WIDTH - 2 - width)
        top = row_y - 17
        self.out.append(
            f'<g class="tl-tip" aria-hidden="true"><rect x="{_n(left)}" y="{_n(top)}" '
            f'width="{_n(width)}" height="16" rx="3"/><text x="{_n(left + 5)}" y="{_n(top + 11.5)}">'
            f"{_text(text)}</text></g>"
        )

    def _grid(self, top: float) -> None:
        bottom = top + ROW * len(self.lanes)
        lines = []
        for t0, t1, x0, x1 in self.scale.axis_pieces():
            for t, _ in self._ticks(t0, t1, x1 - x0):
                x = self.scale.x(t)
                lines.append(f"M{_n(x)} {_n(top)}V{_n(bottom)}")
        if lines:
            self.out.append(f'<path class="tl-grid" d="{"".join(lines)}"/>')

    def _ticks(self, t0: float, t1: float, width: float) -> list[tuple[float, str]]:
        """Times about 80 px apart on a piece of the axis, and their labels: the unit suits
        the largest time, the decimals the step (100.02 s after 100 s)."""
        if t1 <= t0 or width < 30:
            return [(t0, _time_text(t0, self.unit) if t0 else "0")]
        step = _nice_step((t1 - t0) / max(1, width // 80))
        first = math.ceil(t0 / step - 1e-9) * step
        count = int((t1 - first) / step + 1e-9) + 1
        scale, name = _unit(t1)
        decimals = max(0, -math.floor(math.log10(step / scale) + 1e-9))
        ticks = []
        for i in range(count):
            t = first + i * step
            ticks.append((t, "0" if abs(t) < step / 2 else f"{t / scale:.{decimals}f} {name}"))
        return ticks

    def _lane(self, lane: _Lane, index: int, y: float) -> None:
        out, x = self.out, self.scale.x
        classes = "tl-lane tl-lane--deadlocked" if lane.deadlocked else "tl-lane"
        out.append(
            f"<g class={_attr(classes)} data-lane={_attr(lane.id)} data-kind={_attr(lane.kind)}>"
        )
        if index % 2 == 0 or lane.deadlocked:
            out.append(
                f'<rect class="tl-row" x="{PAD}" y="{_n(y)}" width="{_n(self.x1 - PAD)}" height="{ROW}"/>'
            )
        shown = _cut(lane.name, int((self.names_width - 10) / (12 * 0.56)))
        title = f"<title>{_text(lane.name)}</title>" if shown != lane.name else ""
        out.append(
            f'<text class="tl-name" x="{PAD + 4}" y="{_n(y + 17)}">{title}{_text(shown)}</text>'
        )
        if lane.start:
            t, parent = lane.start
            by = self.story.lanes[parent].name if parent in self.story.lanes else None
            label = f"{lane.name} started at {self._t(t)}" + (f" by {by}" if by else "")
            out.append(
                f'<circle class="tl-start" cx="{_n(x(t))}" cy="{_n(y + 13)}" r="2.5">'
                f"<title>{_text(label)}</title></circle>"
            )
        for stretch in lane.runs:
            self._run(lane, stretch, y)
        self.last_glyph = -math.inf
        for i, stretch in enumerate(lane.waits):
            self._wait(lane, i, stretch, y)
        for mark in lane.wakes:
            self._wake(lane, mark, y)
        for i, mark in enumerate(lane.prints):
            self._print(lane, i, mark, y)
        if lane.end:
            self._end(lane, y)
        out.append("</g>")

    def _t(self, t: float) -> str:
        return _time_text(t, self.unit)

    def _span(self, stretch: _Stretch) -> tuple[float, float]:
        """Left edge and width: at least a pixel, so the shortest run shows, but never
        reaching into the band of events not kept."""
        x0, x1 = self.scale.x(stretch.t0), self.scale.x(stretch.t1)
        if x1 - x0 < 1.0:
            _, right = self.scale.bounds(stretch.t0)
            x0 = min(x0, right - 1.0)
            x1 = x0 + 1.0
        x0, x1 = round(x0, 1), round(x1, 1)  # as written: the width ends where the stretch does
        return x0, x1 - x0

    def _run(self, lane: _Lane, stretch: _Stretch, y: float) -> None:
        x0, width = self._span(stretch)
        if stretch.count == 1:
            label = (
                f"{lane.name} ran from {self._t(stretch.t0)} to {self._t(stretch.t1)} "
                f"({self._t(stretch.total)})"
            )
        else:
            label = (
                f"{lane.name} ran {stretch.count} times between {self._t(stretch.t0)} and "
                f"{self._t(stretch.t1)} ({self._t(stretch.total)} in all)"
            )
        self.out.append(
            f'<rect class="tl-run" x="{_n(x0)}" y="{_n(y + 7)}" width="{_n(width)}" height="12">'
            f"<title>{_text(label)}</title></rect>"
        )

    def _wait(self, lane: _Lane, index: int, stretch: _Stretch, y: float) -> None:
        x0, width = self._span(stretch)
        reason = stretch.reason
        doing, letter = REASON_TEXT[reason]
        on = f" ({', '.join(stretch.whats)})" if stretch.whats else ""
        if stretch.count == 1:
            label = f"{lane.name} {doing}{on} from {self._t(stretch.t0)} to {self._t(stretch.t1)}"
        elif len(stretch.reasons) > 1:
            why = ", ".join(f"{r} {n}" for r, n in stretch.reasons.items())
            label = (
                f"{lane.name} waits {stretch.count} times ({why}){on} between "
                f"{self._t(stretch.t0)} and {self._t(stretch.t1)} ({self._t(stretch.total)} in all)"
            )
        else:
            label = (
                f"{lane.name} {doing}{on}: {stretch.count} times between {self._t(stretch.t0)} "
                f"and {self._t(stretch.t1)} ({self._t(stretch.total)} in all)"
            )
        if stretch.how is None and stretch.t1 >= self.story.end:
            label += ", forever (deadlock)" if lane.deadlocked else ", still waiting at the end"
        elif stretch.how:
            label += f", {stretch.how}"
        key = ("wait", lane.id, index)
        glyph = ""
        if x0 - self.last_glyph >= 14:  # letters that do not overlap
            self.last_glyph = x0
            glyph = (
                f'<circle class="tl-glyph" cx="{_n(x0)}" cy="{_n(y + 13)}" r="5.5"/>'
                f'<text class="tl-letter" x="{_n(x0)}" y="{_n(y + 16)}" text-anchor="middle">{letter}</text>'
            )
        self.out.append(
            f'<g class="tl-wait tl-wait--{reason}"{self._focus_attrs(key, label)}>'
            f"<title>{_text(label)}</title>"
            f'<rect class="tl-band" x="{_n(x0)}" y="{_n(y + 10)}" width="{_n(width)}" height="6"/>'
            f"{glyph}</g>"
        )
        self._tip(key, label, x0, y)

    def _wake(self, lane: _Lane, mark: _Mark, y: float) -> None:
        x = self.scale.x(mark.t)
        if mark.count == 1:
            label = f"{lane.name} {mark.how} at {self._t(mark.t)}"
        else:
            label = f"{lane.name} {mark.how} {mark.count} times from {self._t(mark.t)}"
        self.out.append(
            f'<path class="tl-wake" d="M{_n(x)} {_n(y + 19)}l3.5 5h-7z">'
            f"<title>{_text(label)}</title></path>"
        )

    def _print(self, lane: _Lane, index: int, mark: _Mark, y: float) -> None:
        x = self.scale.x(mark.t)
        where = " to stderr" if mark.how == "stderr" else ""
        lines = "\n".join(mark.lines())
        if mark.count == 1:
            label = f"{lane.name} printed{where} at {self._t(mark.t)}: {lines}"
        else:
            label = (
                f"{lane.name} printed {mark.count} lines{where} from {self._t(mark.t)}:\n{lines}"
            )
        key = ("print", lane.id, index)
        classes = "tl-print tl-print--stderr" if mark.how == "stderr" else "tl-print"
        self.out.append(
            f'<path class="{classes}" d="M{_n(x)} {_n(y + 0.5)}l3.5 3.5-3.5 3.5-3.5-3.5z"'
            f"{self._focus_attrs(key, label.replace(chr(10), ' '))}><title>{_text(label)}</title></path>"
        )
        self._tip(key, label.replace("\n", " "), x, y)

    def _end(self, lane: _Lane, y: float) -> None:
        t, how = lane.end
        x = self.scale.x(t)
        label = f"{lane.name} ended at {self._t(t)}: {how}"
        if how.startswith("raised"):
            style, shape = "raised", f"M{_n(x - 4)} {_n(y + 7)}l8 12m0-12l-8 12"
        elif how.startswith("cancel"):
            style, shape = "cancelled", f"M{_n(x - 4)} {_n(y + 7)}l8 12m0-12l-8 12"
        else:
            style, shape = "returned", f"M{_n(x)} {_n(y + 5)}v16"
        key = ("end", lane.id)
        self.out.append(
            f'<path class="tl-end tl-end--{style}" d="{shape}"{self._focus_attrs(key, label)}>'
            f"<title>{_text(label)}</title></path>"
        )
        self._tip(key, label, x, y)

    def _gap(self, top: float, bottom: float) -> None:
        g0, g1 = self.story.gap
        x0, x1 = self.scale.x(g0), self.scale.x(g1)
        hatch = []
        step = 6
        start = x0 - (bottom - top)
        while start < x1:
            # a 45° line from the band's bottom edge to its top edge, clipped to the band
            ax, ay = start, bottom
            bx, by = start + (bottom - top), top
            if ax < x0:
                ay -= x0 - ax
                ax = x0
            if bx > x1:
                by += bx - x1
                bx = x1
            if ay > by:
                hatch.append(f"M{_n(ax)} {_n(ay)}L{_n(bx)} {_n(by)}")
            start += step
        label = (
            f"{self.gap_note} between {self._t(g0)} and {self._t(g1)} "
            f"(the first and last {self.story.limit:,} are shown)"
        )
        middle = (top + bottom) / 2
        note_width = _text_width(self.gap_note, 10) + 8
        self.out.append(
            f'<g class="tl-gap"><title>{_text(label)}</title>'
            f'<rect class="tl-gap-band" x="{_n(x0)}" y="{_n(top)}" width="{_n(x1 - x0)}" '
            f'height="{_n(bottom - top)}"/><path class="tl-hatch" d="{"".join(hatch)}"/>'
            f'<rect class="tl-gap-label" x="{_n((x0 + x1 - note_width) / 2)}" y="{_n(middle - 8)}" '
            f'width="{_n(note_width)}" height="16" rx="3"/>'
            f'<text class="tl-gap-note" x="{_n((x0 + x1) / 2)}" y="{_n(middle + 3.5)}" '
            'text-anchor="middle">'
            f"{_text(self.gap_note)}</text></g>"
        )

    def _cycle(self, top: float) -> None:
        """Arrows right of the end, from each waiting lane to the lane it waits for."""
        rows = {lane.id: top + ROW * i + 13 for i, lane in enumerate(self.lanes)}
        base = self.arc_x
        label_x = base + 20 + 12 * min(len(self.cycle), 4)
        for i, edge in enumerate(self.cycle):
            y0 = rows[edge["lane"]]
            y1 = rows.get(edge.get("waits_for"))
            label = self._edge_text(edge)
            parts = [f"<title>{_text(label)}</title>"]
            if y1 is not None:
                bulge = 14 + 12 * min(i, 3)
                if y1 == y0:  # waits for itself (a Lock taken twice)
                    d = f"M{_n(base)} {_n(y0 - 3)}c{bulge} -12 {bulge} 18 6 6"
                    tip_y, tip_x = y0 + 3, base + 6
                else:
                    shift = 3 if y1 > y0 else -3
                    d = (
                        f"M{_n(base)} {_n(y0 + shift)}C{_n(base + bulge)} {_n(y0 + shift)} "
                        f"{_n(base + bulge)} {_n(y1 - shift)} {_n(base + 7)} {_n(y1 - shift)}"
                    )
                    tip_y, tip_x = y1 - shift, base + 7
                parts.append(f'<path class="tl-arc" d="{d}"/>')
                parts.append(
                    f'<path class="tl-arrowhead" d="M{_n(tip_x - 7)} {_n(tip_y)}l8 -4v8z"/>'
                )
            what = _cut(str(edge.get("what") or "?"), int((WIDTH - PAD - label_x) / (10 * 0.56)))
            parts.append(
                f'<text class="tl-cycle-label" x="{_n(label_x)}" y="{_n(y0 + 4)}">{_text(what)}</text>'
            )
            key = ("cycle", i)
            self.out.append(
                f'<g class="tl-cycle"{self._focus_attrs(key, label)}>{"".join(parts)}</g>'
            )
            self._tip(key, label, base, y0 - 13)

    def _axis(self, y: float) -> float:
        out = self.out
        clock = self.clock
        parts = [
            f'<g class="tl-axis"><text class="tl-axis-name" x="{PAD + 4}" y="{_n(y + 15)}">{clock} →</text>'
        ]
        path = []
        for t0, t1, x0, x1 in self.scale.axis_pieces():
            path.append(f"M{_n(x0)} {_n(y + 0.5)}H{_n(x1)}")
            for t, label in self._ticks(t0, t1, x1 - x0):
                x = self.scale.x(t)
                path.append(f"M{_n(x)} {_n(y)}v4")
                anchor = "end" if x > self.x1 - 20 else "middle"
                parts.append(
                    f'<text x="{_n(x)}" y="{_n(y + 15)}" text-anchor="{anchor}">{label}</text>'
                )
        parts.insert(1, f'<path class="tl-axis-line" d="{"".join(path)}"/>')
        out.append("".join(parts) + "</g>")
        return y + 22

    def _deadlock_note(self, y: float) -> float:
        kinds = {self.story.lanes[edge["lane"]].kind for edge in self.cycle}
        who = "threads" if "thread" in kinds or not kinds else "tasks"
        self.out.append(
            f'<text class="tl-deadlock-note" x="{PAD + 4}" y="{_n(y + 11)}">'
            f"Deadlock: these {who} wait for each other forever</text>"
        )
        return y + 18

    def _legend(self, y: float) -> float:
        """A key to the marks drawn in this figure, laid out in lines."""
        items: list[tuple[str, float, str]] = [
            (
                '<rect class="tl-swatch tl-swatch--run" x="0" y="-9" width="16" height="10"/>',
                16,
                "runs",
            )
        ]
        reasons = {w.reason for lane in self.lanes for w in lane.waits}
        for reason in REASONS:
            if reason in reasons:
                doing, letter = REASON_TEXT[reason]
                items.append(
                    (
                        f'<g class="tl-swatch tl-swatch--{reason}"><rect class="tl-band" x="0" '
                        f'y="-7" width="20" height="6"/><circle class="tl-glyph" cx="0" cy="-4" '
                        f'r="5.5"/><text class="tl-letter" x="0" y="-1" text-anchor="middle">{letter}</text></g>',
                        20,
                        doing,
                    )
                )
        if any(lane.wakes for lane in self.lanes):
            items.append(('<path class="tl-wake" d="M4 -8l3.5 5h-7z"/>', 8, "woken"))
        if any(lane.prints for lane in self.lanes):
            items.append(
                ('<path class="tl-print" d="M4 -10l3.5 3.5-3.5 3.5-3.5-3.5z"/>', 8, "prints a line")
            )
        if any(lane.end for lane in self.lanes):
            items.append(('<path class="tl-end tl-end--returned" d="M2 -12v13"/>', 4, "ends"))
        x, line_y = PAD + 4, y + 12
        parts = ['<g class="tl-legend">']
        for symbol, symbol_width, words in items:
            width = symbol_width + 8 + _text_width(words, 10) + 18
            if x + width > WIDTH - PAD and x > PAD + 4:
                x, line_y = PAD + 4, line_y + 16
            parts.append(
                f'<g transform="translate({_n(x + 6)} {_n(line_y)})">{symbol}'
                f'<text x="{symbol_width + 6}" y="0">{_text(words)}</text></g>'
            )
            x += width
        parts.append("</g>")
        self.out.append("".join(parts))
        return line_y + 6
