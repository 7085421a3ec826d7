"""Time to x for a timeline figure (svg.py), and how times read in it.

The axis is linear, except where it is broken:
- the band of events not kept of a long run (the recording's first and last events are
  drawn, each part with room enough to be read);
- a quiet stretch: a time in which no lane starts, stops, waits, wakes or prints anything
  and that would take over half the axis (the main thread's start-up before it starts any
  thread, the endless wait of a deadlock). It is squeezed into a narrow break that says how
  long it lasted, so that the moments where the lanes interact fill the figure.

Every time reads in one style, in the unit that suits it: "4 ms", "12.3 ms", "850 µs", "2.5 s"
(three significant digits), never "0.00398 s".
"""

from __future__ import annotations

import itertools
import math

BREAK_WIDTH = 30  # the room a quiet stretch is squeezed into
BREAK_SHARE = 0.5  # squeezed when it would take more than this share of the axis
MAX_BREAKS = 4


def unit_of(seconds: float) -> tuple[float, str]:
    seconds = abs(seconds)
    if seconds >= 1:
        return 1.0, "s"
    if seconds >= 1e-3:
        return 1e-3, "ms"
    return 1e-6, "µs"


def time_text(seconds: float) -> str:
    """A time with three significant digits in the unit that suits it: 0.00398 as "3.98 ms"."""
    if seconds == 0:
        return "0 s"
    scale, name = unit_of(seconds)
    value = seconds / scale
    digits = max(0, 2 - math.floor(math.log10(abs(value))))
    text = f"{value:.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("1000", "-1000") and name != "s":  # 999.96 µs rounds up to the next unit
        return time_text(math.copysign(1000 * scale, seconds))
    return f"{text} {name}"


def nice_step(raw: float) -> float:
    """1, 2 or 5 times a power of ten, near `raw` (up to a third denser)."""
    exponent = math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * 10**exponent >= raw * 0.7:
            return factor * 10**exponent
    return 10 ** (exponent + 1)


def quiet_stretches(moments, end: float) -> list[tuple[float, float]]:
    """The stretches between consecutive moments (times something happened) to squeeze: the
    longest one while it would take more than BREAK_SHARE of what is still drawn to scale."""
    times = sorted({0.0, end, *(min(max(float(t), 0.0), end) for t in moments)})
    intervals = sorted(((b - a, a, b) for a, b in itertools.pairwise(times) if b > a), reverse=True)
    chosen: list[tuple[float, float]] = []
    linear = end
    for length, a, b in intervals[:MAX_BREAKS]:
        if length <= BREAK_SHARE * linear or linear - length <= 0:
            break
        chosen.append((a, b))
        linear -= length
    return sorted(chosen)


class Scale:
    """Time to x in pieces (t0, t1, x0, x1, kind), kind "linear", "gap" (events not kept)
    or "break" (a quiet stretch squeezed). Linear pieces share one number of px per second."""

    def __init__(self, end: float, x0: float, x1: float, *, gap=None, gap_width=0.0, moments=()):
        self.end = max(end, 1e-9)
        self.gap = gap
        self.breaks: list[tuple[float, float]] = []
        if gap is not None:
            g0, g1 = gap
            room = x1 - x0 - gap_width
            before, after = max(g0, 0.0), max(self.end - g1, 0.0)
            share = 0.5 if before + after == 0 else before / (before + after)
            share = min(max(share, 0.3), 0.7)
            xa = x0 + room * share
            self.pieces = [
                (0.0, g0, x0, xa, "linear"),
                (g0, g1, xa, xa + gap_width, "gap"),
                (g1, self.end, xa + gap_width, x1, "linear"),
            ]
            return
        self.breaks = quiet_stretches(moments, self.end)
        squeezed = sum(b - a for a, b in self.breaks)
        per_second = (x1 - x0 - BREAK_WIDTH * len(self.breaks)) / max(self.end - squeezed, 1e-12)
        self.pieces = []
        t, x = 0.0, x0
        for a, b in [*self.breaks, (self.end, self.end)]:
            if a > t:
                width = (a - t) * per_second
                self.pieces.append((t, a, x, x + width, "linear"))
                x += width
            if b > a:
                self.pieces.append((a, b, x, x + BREAK_WIDTH, "break"))
                x += BREAK_WIDTH
            t = b
        if not self.pieces:
            self.pieces = [(0.0, self.end, x0, x1, "linear")]

    def x(self, t: float) -> float:
        for t0, t1, x0, x1, _ in self.pieces:
            if t <= t1:
                if t1 <= t0:
                    return x0
                return x0 + (max(t, t0) - t0) / (t1 - t0) * (x1 - x0)
        return self.pieces[-1][3]

    def _piece(self, t: float):
        for piece in self.pieces:
            if t <= piece[1]:
                return piece
        return self.pieces[-1]

    def bounds(self, t: float) -> tuple[float, float]:
        """Left and right x of the stretch of axis that `t` lies in, up to the band of
        events not kept (a stretch drawn never reaches into it)."""
        if self.gap is None:
            return self.pieces[0][2], self.pieces[-1][3]
        piece = self.pieces[2 * self.side(t)]
        return piece[2], piece[3]

    def side(self, t: float) -> int:
        """0 before the band of events not kept, 1 after it (stretches never join across)."""
        return 1 if self.gap and t > self.gap[0] else 0

    def linear_pieces(self):
        return [piece for piece in self.pieces if piece[4] == "linear"]

    def break_pieces(self):
        return [piece for piece in self.pieces if piece[4] == "break"]

    def ticks(self, t0: float, t1: float, width: float) -> list[tuple[float, str]]:
        """Times about 80 px apart on a piece of the axis, and their labels: the unit suits
        the piece's largest time, the decimals the step (100.02 s after 100 s)."""
        if t1 <= t0 or width < 30:
            return [(t0, time_text(t0) if t0 else "0")]
        step = nice_step((t1 - t0) / max(1, width // 80))
        first = math.ceil(t0 / step - 1e-9) * step
        count = int((t1 - first) / step + 1e-9) + 1
        scale, name = unit_of(t1)
        decimals = max(0, -math.floor(math.log10(step / scale) + 1e-9))
        ticks = []
        for i in range(count):
            t = first + i * step
            ticks.append((t, "0" if abs(t) < step / 2 else f"{t / scale:.{decimals}f} {name}"))
        return ticks
