"""Drawing a timeline recording as SVG: one row per lane, a bar where it ran, a band where it
waited (styled by why), marks where it woke, printed and ended; the wait-for cycle of a
deadlock, which lane holds what and waits for what; a hatched band where a long run's events
were left out; a break where nothing happened for over half the run (scale.py).

Two layouts of one recording: "wide" (720 units, names left of the rows: a page's column and
print) and "narrow" (360 units, each name above its row, and under it what a deadlocked lane
holds and waits for: a phone). The page shows the one that fits (theme/assets/timeline.css).
Colours come from the classes, so a figure follows the page's palette.

The SVG's contract with the page's CSS, scripts and tests:
  svg.tl.tl--wide / svg.tl.tl--narrow       the figure (role="img", <title>, <desc>)
  g.tl-lane[data-lane][data-kind]           one per lane drawn, in the order of "lanes"
    (.tl-lane--deadlocked when in the deadlock cycle; data-kind="summary" and
    data-count for the lane that stands for the lanes not drawn), holding text.tl-name
  rect.tl-run                               a stretch the lane ran
  .tl-wait.tl-wait--<reason>                a wait, from "block" to "wake" (or the next run)
  .tl-wake, .tl-print, .tl-end              marks
  g.tl-cycle[data-lane]                     the deadlock's wait-for arrow of one lane, and
    text.tl-holds                           what that lane holds and waits for
  .tl-gap                                   where events were left out of a long run
  g.tl-break[data-t0][data-t1]              a quiet stretch squeezed on the time axis
  g.tl-axis                                 the time axis, above the lanes
  [tabindex="0"][aria-label] with <title>   items that show details on hover and focus
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .budget import MAX_FOCUSABLE, Budget
from .frame import FrameParts
from .scale import Scale, time_text
from .story import Lane, Mark, Story, Stretch, summary_names
from .text import REASON_TEXT, attr, chars_in, n, short_name, text, text_width

PAD = 8  # around the figure
AXIS = {"wide": 22, "narrow": 34}  # the time axis above the lanes (its name on a line of its own)
HOLDS_LINE = 12  # in the narrow layout, what a deadlocked lane holds and waits for, under its name
GAP_MIN_WIDTH = 64  # the band that stands for the events not kept
MAX_NAMED_LANES = 12  # lanes listed by name in <desc>
NAMES_MAX = 220  # the widest column of names (wide layout)

KIND_NOUN = {"thread": ("thread", "threads"), "task": ("task", "tasks")}


@dataclass(frozen=True)
class Layout:
    name: str
    width: int  # of the viewBox
    row: int  # one lane
    marks: int  # how far below a row's top its marks begin (the name takes that room)
    names_left: bool  # a column of names left of the rows, or each name above its row


WIDE = Layout("wide", 720, 26, 0, True)
NARROW = Layout("narrow", 360, 38, 12, False)
LAYOUTS = {"wide": WIDE, "narrow": NARROW}


def render_svg(recording: dict, *, caption: str | None = None, layout: str = "wide") -> str:
    return Drawing(Story.read(recording), caption, LAYOUTS[layout]).svg()


def render_svgs(recording: dict, *, caption: str | None = None) -> tuple[str, str]:
    """The wide and the narrow figure, from one reading of the recording."""
    story = Story.read(recording)
    return Drawing(story, caption, WIDE).svg(), Drawing(story, caption, NARROW).svg()


class Drawing(FrameParts, Budget):
    def __init__(self, story: Story, caption: str | None, layout: Layout = WIDE):
        self.story = story
        self.caption = caption
        self.layout = layout
        self.width = layout.width
        self.lanes = list(story.lanes.values())
        self.out: list[str] = []
        self.clock = "virtual time" if story.virtual else "time"
        self.cycle = [edge for edge in story.cycle if edge.get("lane") in story.lanes]
        self.holds = self._holds()
        if layout.names_left:
            longest = max((text_width(lane.name, 12) for lane in self.lanes), default=40)
            axis_name = text_width(self.clock + " →", 10) + 18
            self.names_width = min(max(longest + 14, axis_name, 64), NAMES_MAX)
            self.x0 = PAD + self.names_width
        else:
            self.names_width = self.width - 2 * PAD
            self.x0 = PAD + 6
        self.top = PAD + (22 if caption else 0) + AXIS[layout.name]
        self.rows = self._rows()
        self.x1 = self.width - PAD - 14
        if self.cycle:
            arcs = 20 + 12 * min(len(self.cycle), 4)
            labels = 0.0
            if layout.names_left:
                lines = [line for lane_id in self.holds for line in self.holds[lane_id]]
                labels = min(max((text_width(line, 10) for line in lines), default=0) + 6, 180)
            self.arc_x = self.width - PAD - labels - arcs
            self.label_x = self.arc_x + arcs
            self.x1 = self.arc_x - 6
        self.gap_note = f"{story.dropped:,} events not kept" if story.gap else ""
        gap_width = max(GAP_MIN_WIDTH, text_width(self.gap_note, 10) + 14)
        self.scale = Scale(
            story.end,
            self.x0,
            self.x1,
            gap=story.gap,
            gap_width=gap_width,
            moments=story.moments(),
        )
        self.merge_px = self._merge_until_small()
        self.keyboard = self._choose_focusable()

    def _rows(self) -> dict[str, tuple[float, float, float]]:
        """Each lane's row: its top, its height, and where its marks begin."""
        rows, y = {}, self.top
        for lane in self.lanes:
            height, marks = self.layout.row, self.layout.marks
            if not self.layout.names_left and lane.id in self.holds:
                height, marks = height + HOLDS_LINE, marks + HOLDS_LINE
            rows[lane.id] = (y, height, y + marks)
            y += height
        self.bottom = y
        return rows

    def _holds(self) -> dict[str, list[str]]:
        """For each lane of the cycle, what it holds (what the lane waiting for it waits on)
        and what it waits for: ["holds locks['X']", "waits for locks['Y']"]."""
        found: dict[str, list[str]] = {}
        for edge in self.cycle:
            held = [
                _thing(other.get("what"))
                for other in self.cycle
                if other.get("waits_for") == edge["lane"] and other.get("what")
            ]
            lines = [f"holds {', '.join(held)}"] if held else []
            lines.append(f"waits for {_thing(edge.get('what')) or '?'}")
            found[edge["lane"]] = lines
        return found

    # --- writing ---

    def svg(self) -> str:
        y = PAD
        if self.caption:
            self.out.append(
                f'<text class="tl-caption" x="{PAD}" y="{PAD + 12}">{text(self.caption)}</text>'
            )
        lanes_top, lanes_bottom = self.top, self.bottom
        self._grid(lanes_top, lanes_bottom)
        for index, lane in enumerate(self.lanes):
            self._lane(lane, index)
        if self.layout.names_left:
            self._breaks([(lanes_top, lanes_bottom)])
        else:  # not through the names above the rows
            self._breaks([(marks, top + height) for top, height, marks in self.rows.values()])
        if self.story.gap:
            self._gap(lanes_top, lanes_bottom)
        if self.cycle:
            self._cycle()
        self._axis(lanes_top - AXIS[self.layout.name])
        y = lanes_bottom + 6
        if self.cycle:
            y = self._deadlock_note(y)
        y = self._legend(y)
        height = math.ceil(y + PAD)
        clock = "virtual" if self.story.virtual else "real"
        head = (
            f'<svg class="tl tl--{self.layout.name}" xmlns="http://www.w3.org/2000/svg" '
            f'role="img" viewBox="0 0 {self.width} {height}" width="{self.width}" '
            f'height="{height}" font-family="sans-serif" font-size="11" data-clock="{clock}" '
            f'data-layout="{self.layout.name}">'
            f"<title>{text(self.caption or self._title())}</title>"
            f"<desc>{text(self._desc())}</desc>"
        )
        return head + "".join(self.out) + "</svg>"

    def _title(self) -> str:
        return "Timeline of " + self._lane_count()

    def _lane_count(self) -> str:
        counts: dict[str, int] = {}
        for lane in self.lanes:
            for one in lane.members or [lane]:
                counts[one.kind] = counts.get(one.kind, 0) + 1
        parts = []
        for kind, count in counts.items():
            if kind == "program":
                parts.append("the main program")
            else:
                one, many = KIND_NOUN.get(kind, ("lane", "lanes"))
                parts.append(f"{count} {one if count == 1 else many}")
        return " and ".join(parts) if parts else "no threads or tasks"

    def _desc(self) -> str:
        story = self.story
        drawn = [lane for lane in self.lanes if not lane.members]
        names = ", ".join(lane.name for lane in drawn[:MAX_NAMED_LANES])
        if len(drawn) > MAX_NAMED_LANES:
            names += f" and {len(drawn) - MAX_NAMED_LANES} more"
        if story.summarised:
            names += f"; {story.summarised} more drawn together in the last lane"
        text_parts = [
            f"Timeline of {self._lane_count()} ({names}): {len(story.events) + story.dropped:,} "
            f"events over {time_text(story.end)} of {self.clock}."
        ]
        if story.gap:
            text_parts.append(
                f"{story.dropped:,} events not kept, between {time_text(story.gap[0])} and "
                f"{time_text(story.gap[1])}: only the first and last {story.limit:,} are shown."
            )
        for t0, t1 in self.scale.breaks:
            text_parts.append(
                f"Nothing happens for {time_text(t1 - t0)} from {time_text(t0)}: that stretch "
                "is squeezed on the time axis."
            )
        if self.cycle:
            edges = "; ".join(self._edge_text(edge) for edge in self.cycle)
            text_parts.append(f"Deadlock: {edges}.")
        if self.reachable_total > MAX_FOCUSABLE:
            text_parts.append(
                f"The first {MAX_FOCUSABLE} of {self.reachable_total} marks can be reached with "
                "the keyboard; the rest show their details on hover only."
            )
        return " ".join(text_parts)

    def _edge_text(self, edge: dict) -> str:
        lanes = self.story.lanes
        waiting = lanes[edge["lane"]].name
        holder = lanes[edge["waits_for"]].name if edge.get("waits_for") in lanes else "?"
        lines = self.holds.get(edge["lane"], [])
        holds = f"{lines[0]} and " if len(lines) > 1 else ""
        what = _thing(edge.get("what")) or "what it needs"
        return f"{waiting} {holds}waits for {what}, held by {holder}"

    def _focus_attrs(self, key, label: str) -> str:
        if key not in self.keyboard:
            return ""
        return f' tabindex="0" role="img" aria-label={attr(label)}'

    # --- one lane ---

    def _shown_name(self, lane: Lane) -> str:
        room = self.names_width - 10
        if lane.members:
            return f"+ {lane.name}"
        return short_name(lane.name, chars_in(room, 12))

    def _lane(self, lane: Lane, index: int) -> None:
        out, x, layout = self.out, self.scale.x, self.layout
        y, height, m = self.rows[lane.id]  # m: where the marks' room begins
        classes = "tl-lane"
        if lane.deadlocked:
            classes += " tl-lane--deadlocked"
        if lane.members:
            classes += " tl-lane--summary"
        count = f' data-count="{len(lane.members)}"' if lane.members else ""
        out.append(
            f"<g class={attr(classes)} data-lane={attr(lane.id)} data-kind={attr(lane.kind)}{count}>"
        )
        if index % 2 == 0 or lane.deadlocked or lane.members:
            right = self.x1 if layout.names_left else self.width - PAD
            out.append(
                f'<rect class="tl-row" x="{PAD}" y="{n(y)}" width="{n(right - PAD)}" '
                f'height="{height}"/>'
            )
        self._name(lane, y)
        if lane.start:
            t, parent = lane.start
            by = self.story.lanes[parent].name if parent in self.story.lanes else None
            label = f"{lane.name} started at {time_text(t)}" + (f" by {by}" if by else "")
            out.append(
                f'<circle class="tl-start" cx="{n(x(t))}" cy="{n(m + 13)}" r="2.5">'
                f"<title>{text(label)}</title></circle>"
            )
        for stretch in lane.runs:
            self._run(lane, stretch, m)
        self.last_glyph = -math.inf
        for i, stretch in enumerate(lane.waits):
            self._wait(lane, i, stretch, m)
        for mark in lane.wakes:
            self._wake(lane, mark, m)
        for i, mark in enumerate(lane.prints):
            self._print(lane, i, mark, m)
        if lane.end:
            self._end(lane, m)
        out.append("</g>")

    def _name(self, lane: Lane, y: float) -> None:
        shown = self._shown_name(lane)
        full = lane.name
        if lane.members:
            full = f"{lane.name}, drawn together in this lane: {summary_names(lane)}"
        key = ("name", lane.id)
        baseline = y + (17 if self.layout.names_left else 11)
        title = f"<title>{text(full)}</title>" if shown != full else ""
        self.out.append(
            f'<text class="tl-name" x="{PAD + 4}" y="{n(baseline)}"{self._focus_attrs(key, full)}>'
            f"{title}{text(shown)}</text>"
        )
        self._tip(key, full, PAD + 60, y)

    def _who(self, lane: Lane) -> str:
        return f"{lane.name} (together)" if lane.members else lane.name

    def _span(self, stretch: Stretch) -> tuple[float, float]:
        """Left edge and width: at least a pixel, so the shortest run shows, but never
        reaching into the band of events not kept."""
        x0, x1 = self.scale.x(stretch.t0), self.scale.x(stretch.t1)
        if x1 - x0 < 1.0:
            _, right = self.scale.bounds(stretch.t0)
            x0 = min(x0, right - 1.0)
            x1 = x0 + 1.0
        x0, x1 = round(x0, 1), round(x1, 1)  # as written: the width ends where the stretch does
        return x0, x1 - x0

    def _run(self, lane: Lane, stretch: Stretch, y: float) -> None:
        x0, width = self._span(stretch)
        who, t = self._who(lane), time_text
        if stretch.count == 1:
            label = f"{who} ran from {t(stretch.t0)} to {t(stretch.t1)} ({t(stretch.total)})"
        else:
            label = (
                f"{who} ran {stretch.count} times between {t(stretch.t0)} and "
                f"{t(stretch.t1)} ({t(stretch.total)} in all)"
            )
        self.out.append(
            f'<rect class="tl-run" x="{n(x0)}" y="{n(y + 7)}" width="{n(width)}" height="12">'
            f"<title>{text(label)}</title></rect>"
        )

    def _wait(self, lane: Lane, index: int, stretch: Stretch, y: float) -> None:
        x0, width = self._span(stretch)
        reason = stretch.reason
        doing, letter = REASON_TEXT[reason]
        who, t = self._who(lane), time_text
        on = f" ({', '.join(map(_what_text, stretch.whats))})" if stretch.whats else ""
        if stretch.count == 1:
            label = f"{who} {doing}{on} from {t(stretch.t0)} to {t(stretch.t1)}"
        elif len(stretch.reasons) > 1:
            why = ", ".join(f"{r} {count}" for r, count in stretch.reasons.items())
            label = (
                f"{who} waits {stretch.count} times ({why}){on} between "
                f"{t(stretch.t0)} and {t(stretch.t1)} ({t(stretch.total)} in all)"
            )
        else:
            label = (
                f"{who} {doing}{on}: {stretch.count} times between {t(stretch.t0)} "
                f"and {t(stretch.t1)} ({t(stretch.total)} in all)"
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
                f'<circle class="tl-glyph" cx="{n(x0)}" cy="{n(y + 13)}" r="5.5"/>'
                f'<text class="tl-letter" x="{n(x0)}" y="{n(y + 16)}" text-anchor="middle">{letter}</text>'
            )
        self.out.append(
            f'<g class="tl-wait tl-wait--{reason}"{self._focus_attrs(key, label)}>'
            f"<title>{text(label)}</title>"
            f'<rect class="tl-band" x="{n(x0)}" y="{n(y + 10)}" width="{n(width)}" height="6"/>'
            f"{glyph}</g>"
        )
        self._tip(key, label, x0, y)

    def _wake(self, lane: Lane, mark: Mark, y: float) -> None:
        x = self.scale.x(mark.t)
        if mark.count == 1:
            label = f"{self._who(lane)} {mark.how} at {time_text(mark.t)}"
        else:
            label = f"{self._who(lane)} {mark.how} {mark.count} times from {time_text(mark.t)}"
        self.out.append(
            f'<path class="tl-wake" d="M{n(x)} {n(y + 19)}l3.5 5h-7z">'
            f"<title>{text(label)}</title></path>"
        )

    def _print(self, lane: Lane, index: int, mark: Mark, y: float) -> None:
        x = self.scale.x(mark.t)
        where = " to stderr" if mark.how == "stderr" else ""
        lines = "\n".join(mark.lines())
        who = self._who(lane)
        if mark.count == 1:
            label = f"{who} printed{where} at {time_text(mark.t)}: {lines}"
        else:
            label = f"{who} printed {mark.count} lines{where} from {time_text(mark.t)}:\n{lines}"
        key = ("print", lane.id, index)
        classes = "tl-print tl-print--stderr" if mark.how == "stderr" else "tl-print"
        self.out.append(
            f'<path class="{classes}" d="M{n(x)} {n(y + 0.5)}l3.5 3.5-3.5 3.5-3.5-3.5z"'
            f"{self._focus_attrs(key, label.replace(chr(10), ' '))}><title>{text(label)}</title></path>"
        )
        self._tip(key, label.replace("\n", " "), x, y)

    def _end(self, lane: Lane, y: float) -> None:
        t, how = lane.end
        x = self.scale.x(t)
        if lane.members:
            label = f"{lane.name}: {how} at {time_text(t)}"
        else:
            label = f"{lane.name} ended at {time_text(t)}: {how}"
        if how.startswith("raised"):
            style, shape = "raised", f"M{n(x - 4)} {n(y + 7)}l8 12m0-12l-8 12"
        elif how.startswith("cancel"):
            style, shape = "cancelled", f"M{n(x - 4)} {n(y + 7)}l8 12m0-12l-8 12"
        else:
            style, shape = "returned", f"M{n(x)} {n(y + 5)}v16"
        key = ("end", lane.id)
        self.out.append(
            f'<path class="tl-end tl-end--{style}" d="{shape}"{self._focus_attrs(key, label)}>'
            f"<title>{text(label)}</title></path>"
        )
        self._tip(key, label, x, y)


_SLEEP = re.compile(r"sleep (\d[\d.]*(?:e-?\d+)?) s")


def _what_text(what: str) -> str:
    """What a wait is on, its times read as the figure's: "sleep 0.001 s" as "sleep 1 ms"."""
    match = _SLEEP.fullmatch(what)
    return f"sleep {time_text(float(match[1]))}" if match else what


def _thing(what) -> str:
    """What a lane waits on, without the type when it has a name: "Lock locks['X']" reads
    "locks['X']"."""
    words = str(what or "").strip()
    kind, _, name = words.partition(" ")
    if name and kind in {"Lock", "RLock", "Semaphore", "BoundedSemaphore", "Condition"}:
        return name
    return words
