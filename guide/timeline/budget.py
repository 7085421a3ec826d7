"""Keeping a timeline figure small (svg.Drawing): stretches and marks closer than a few
pixels are joined until the figure holds at most MAX_ELEMENTS marks (a run may have
thousands of switches), and at most MAX_FOCUSABLE items are reached with the Tab key."""

from __future__ import annotations

import math

from .story import Mark, Stretch

MAX_ELEMENTS = 2000  # the marks drawn (a run may have thousands of switches), tips aside
ELEMENTS_PER = {"runs": 2, "waits": 5, "wakes": 2, "prints": 2}  # a mark and its <title>...
MAX_FOCUSABLE = 150  # items reachable with the Tab key


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


class Budget:
    """Mixed into svg.Drawing, whose attributes and methods it uses: scale, lanes, width,
    cycle, _shown_name."""

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
            if count <= MAX_ELEMENTS or merge_px > self.width:
                break
            merge_px *= 2
        for lane, kind, items, groups in chosen:
            joined = Stretch.joined if kind in ("runs", "waits") else Mark.joined
            setattr(lane, kind, [joined(items[start:stop]) for start, stop in groups])
        return merge_px

    def _choose_focusable(self) -> set:
        """What the Tab key reaches: the cycle, names shortened or summarised, each lane's
        end, then the first waits and printed lines, up to MAX_FOCUSABLE in all."""
        chosen = {("cycle", i) for i in range(len(self.cycle[:MAX_FOCUSABLE]))}
        for lane in self.lanes:
            if self._shown_name(lane) != lane.name or lane.members:
                chosen.add(("name", lane.id))
        for lane in self.lanes:
            if lane.end and len(chosen) < MAX_FOCUSABLE:
                chosen.add(("end", lane.id))
        moments = sorted(
            [(w.t0, "wait", lane.id, i) for lane in self.lanes for i, w in enumerate(lane.waits)]
            + [(p.t, "print", lane.id, i) for lane in self.lanes for i, p in enumerate(lane.prints)]
        )
        self.reachable_total = len(chosen) + len(moments)
        for _, kind, lane_id, i in moments:
            if len(chosen) >= MAX_FOCUSABLE:
                break
            chosen.add((kind, lane_id, i))
        self.reachable_total = max(self.reachable_total, len(chosen))
        return chosen
