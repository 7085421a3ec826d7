"""What a timeline figure draws around its lanes (svg.Drawing): the time axis
above them and its grid, the breaks where a quiet stretch is squeezed, the band of events not
kept, the deadlock's wait-for cycle with what each lane holds and waits for, the note under
a deadlock, the legend, and the tip a focused mark shows."""

from __future__ import annotations

from .scale import time_text
from .text import REASON_TEXT, attr, chars_in, cut, n, text, text_width

PAD = 8


class FrameParts:
    """Mixed into svg.Drawing, whose attributes it uses: out, width, layout,
    scale, lanes, story, cycle, holds, x0, x1, arc_x, label_x, keyboard, clock."""

    def _tip(self, key, label: str, x: float, row_y: float) -> None:
        """The details of a focused mark, drawn above its row, or below it when there is no
        room above (CSS shows it on :focus-visible, in a figure on its own only)."""
        if key not in self.keyboard:
            return
        shown = cut(label, chars_in(self.width - 14, 10))
        width = text_width(shown, 10) + 10
        left = min(max(x - width / 2, 2), self.width - 2 - width)
        top = row_y - 17
        if top < 1:
            top = row_y + self.layout.row + 1  # the first row's tip, under it
        self.out.append(
            f'<g class="tl-tip" aria-hidden="true"><rect x="{n(left)}" y="{n(top)}" '
            f'width="{n(width)}" height="16" rx="3"/><text x="{n(left + 5)}" y="{n(top + 11.5)}">'
            f"{text(shown)}</text></g>"
        )

    # --- time ---

    def _grid(self, top: float, bottom: float) -> None:
        lines = []
        for t0, t1, x0, x1, _ in self.scale.linear_pieces():
            for t, _ in self.scale.ticks(t0, t1, x1 - x0):
                lines.append(f"M{n(self.scale.x(t))} {n(top)}V{n(bottom)}")
        if lines:
            self.out.append(f'<path class="tl-grid" d="{"".join(lines)}"/>')

    def _axis(self, y: float) -> None:
        """The time axis, above the lanes: ticks on each piece drawn to scale, and over each
        break how long the stretch squeezed there lasted. Labels that would overlap one
        placed before are left out (the axis's name first, then the breaks', then ticks)."""
        wide = self.layout.names_left
        labels_y = y + 12 if wide else y + 24  # the narrow layout names the axis on its own line
        base = labels_y + 5.5
        taken: list[tuple[float, float]] = []

        def place(x: float, label: str, anchor: str) -> bool:
            width = text_width(label, 10)
            left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
            if any(left < right + 4 and left + width + 4 > other for other, right in taken):
                return False
            taken.append((left, left + width))
            return True

        parts = []
        name = f"{self.clock} →"
        if wide:
            place(PAD + 4, name, "start")
        parts.append(
            f'<text class="tl-axis-name" x="{PAD + 4 if wide else n(self.x0)}" '
            f'y="{n(labels_y if wide else y + 10)}">{name}</text>'
        )
        path = []
        for t0, t1, x0, x1, _ in self.scale.break_pieces():
            middle = (x0 + x1) / 2
            path.append(f"M{n(middle - 5)} {n(base + 4)}l4 -8M{n(middle + 1)} {n(base + 4)}l4 -8")
            label = "+" + time_text(t1 - t0)
            if place(middle, label, "middle"):
                parts.append(
                    f'<text class="tl-break-note" x="{n(middle)}" y="{n(labels_y)}" '
                    f'text-anchor="middle">{label}</text>'
                )
        for t0, t1, x0, x1, _ in self.scale.linear_pieces():
            path.append(f"M{n(x0)} {n(base)}H{n(x1)}")
            for t, label in self.scale.ticks(t0, t1, x1 - x0):
                x = self.scale.x(t)
                path.append(f"M{n(x)} {n(base)}v4")
                anchor = "end" if x > self.x1 - 20 else "middle"
                if place(x, label, anchor):
                    parts.append(
                        f'<text x="{n(x)}" y="{n(labels_y)}" text-anchor="{anchor}">{label}</text>'
                    )
        self.out.append(
            f'<g class="tl-axis"><path class="tl-axis-line" d="{"".join(path)}"/>'
            + "".join(parts)
            + "</g>"
        )

    def _breaks(self, spans: list[tuple[float, float]]) -> None:
        """Each quiet stretch squeezed: a slanted cut through the lanes (each span of y)."""
        for t0, t1, x0, x1, _ in self.scale.break_pieces():
            middle = (x0 + x1) / 2
            label = (
                f"Nothing happens for {time_text(t1 - t0)} (from {time_text(t0)} to "
                f"{time_text(t1)}): that stretch is squeezed here"
            )
            lean, cut_path, edges = 4, [], []
            for top, bottom in spans:
                a, b = n(middle - 6), n(middle + 2)
                c, d = n(middle - 6 + lean), n(middle + 2 + lean)
                cut_path.append(f"M{a} {n(bottom)}L{c} {n(top)}H{d}L{b} {n(bottom)}z")
                edges.append(f"M{a} {n(bottom)}L{c} {n(top)}M{b} {n(bottom)}L{d} {n(top)}")
            self.out.append(
                f'<g class="tl-break" data-t0="{t0:.9g}" data-t1="{t1:.9g}"><title>{text(label)}</title>'
                f'<path class="tl-break-cut" d="{"".join(cut_path)}"/>'
                f'<path class="tl-break-edge" d="{"".join(edges)}"/></g>'
            )

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
                hatch.append(f"M{n(ax)} {n(ay)}L{n(bx)} {n(by)}")
            start += step
        label = (
            f"{self.gap_note} between {time_text(g0)} and {time_text(g1)} "
            f"(the first and last {self.story.limit:,} are shown)"
        )
        middle = (top + bottom) / 2
        note_width = text_width(self.gap_note, 10) + 8
        self.out.append(
            f'<g class="tl-gap"><title>{text(label)}</title>'
            f'<rect class="tl-gap-band" x="{n(x0)}" y="{n(top)}" width="{n(x1 - x0)}" '
            f'height="{n(bottom - top)}"/><path class="tl-hatch" d="{"".join(hatch)}"/>'
            f'<rect class="tl-gap-label" x="{n((x0 + x1 - note_width) / 2)}" y="{n(middle - 8)}" '
            f'width="{n(note_width)}" height="16" rx="3"/>'
            f'<text class="tl-gap-note" x="{n((x0 + x1) / 2)}" y="{n(middle + 3.5)}" '
            'text-anchor="middle">'
            f"{text(self.gap_note)}</text></g>"
        )

    # --- a deadlock ---

    def _cycle(self) -> None:
        """Arrows right of the end, from each waiting lane to the lane it waits for, and
        beside each lane what it holds and waits for (right of the arrows in the wide
        layout, under the lane's name in the narrow one)."""
        row_tops = {lane_id: top for lane_id, (top, _, _) in self.rows.items()}
        rows = {lane_id: marks + 13 for lane_id, (_, _, marks) in self.rows.items()}
        base = self.arc_x
        for i, edge in enumerate(self.cycle):
            y0 = rows[edge["lane"]]
            y1 = rows.get(edge.get("waits_for"))
            label = self._edge_text(edge)
            parts = [f"<title>{text(label)}</title>"]
            if y1 is not None:
                bulge = 14 + 12 * min(i, 3)
                if y1 == y0:  # waits for itself (a Lock taken twice)
                    d = f"M{n(base)} {n(y0 - 3)}c{bulge} -12 {bulge} 18 6 6"
                    tip_y, tip_x = y0 + 3, base + 6
                else:
                    shift = 3 if y1 > y0 else -3
                    d = (
                        f"M{n(base)} {n(y0 + shift)}C{n(base + bulge)} {n(y0 + shift)} "
                        f"{n(base + bulge)} {n(y1 - shift)} {n(base + 7)} {n(y1 - shift)}"
                    )
                    tip_y, tip_x = y1 - shift, base + 7
                parts.append(f'<path class="tl-arc" d="{d}"/>')
                parts.append(f'<path class="tl-arrowhead" d="M{n(tip_x - 7)} {n(tip_y)}l8 -4v8z"/>')
            parts.append(self._holds_text(edge["lane"], row_tops[edge["lane"]]))
            key = ("cycle", i)
            self.out.append(
                f'<g class="tl-cycle" data-lane={attr(edge["lane"])}'
                f"{self._focus_attrs(key, label)}>{''.join(parts)}</g>"
            )
            self._tip(key, label, base, row_tops[edge["lane"]])

    def _holds_text(self, lane_id: str, row_top: float) -> str:
        lines = self.holds.get(lane_id, [])
        if self.layout.names_left:
            room = chars_in(self.width - PAD - self.label_x, 10)
            first = row_top + (11 if len(lines) > 1 else 17)
            return "".join(
                f'<text class="tl-cycle-label tl-holds" x="{n(self.label_x)}" '
                f'y="{n(first + 11 * i)}">{text(cut(line, room))}</text>'
                for i, line in enumerate(lines)
            )
        words = ", ".join(lines)
        room = chars_in(self.width - 2 * PAD - 4, 11.5)  # larger on a phone (timeline.css)
        return (
            f'<text class="tl-cycle-label tl-holds" x="{PAD + 4}" y="{n(row_top + 23)}">'
            f"{text(cut(words, room))}</text>"
        )

    def _deadlock_note(self, y: float) -> float:
        kinds = {self.story.lanes[edge["lane"]].kind for edge in self.cycle}
        who = "threads" if "thread" in kinds or not kinds else "tasks"
        self.out.append(
            f'<text class="tl-deadlock-note" x="{PAD + 4}" y="{n(y + 11)}">'
            f"Deadlock: these {who} wait for each other forever</text>"
        )
        return y + 18

    # --- the key ---

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
        for reason in REASON_TEXT:
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
        if self.scale.breaks:
            items.append(
                (
                    '<g class="tl-swatch tl-swatch--break"><path class="tl-break-edge" '
                    'd="M0 1l4 -12M8 1l4 -12"/></g>',
                    12,
                    "time squeezed: nothing happens",
                )
            )
        x, line_y = PAD + 4, y + 12
        parts = ['<g class="tl-legend">']
        for symbol, symbol_width, words in items:
            width = symbol_width + 8 + text_width(words, 10) + 18
            if x + width > self.width - PAD and x > PAD + 4:
                x, line_y = PAD + 4, line_y + 16
            parts.append(
                f'<g transform="translate({n(x + 6)} {n(line_y)})">{symbol}'
                f'<text x="{symbol_width + 6}" y="0">{text(words)}</text></g>'
            )
            x += width
        parts.append("</g>")
        self.out.append("".join(parts))
        return line_y + 6
