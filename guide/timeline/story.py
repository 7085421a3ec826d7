"""What a timeline recording (guide.timeline.Recorder.to_dict) tells, lane by lane: the
stretches each lane ran and waited, the moments it woke, printed and ended, for
svg.py to draw.

A run of many threads or tasks is summarised (`Story.collapse`): the lanes that tell the
story are kept (the main program, those in a deadlock, those that failed, then the first
ones), and the rest are drawn together in one summary lane that says how many it holds, so
that a figure stays a few hundred pixels tall whatever the run.
"""

from __future__ import annotations

from .text import REASON_TEXT

MAX_LANES = 12  # lanes drawn; a run with more keeps MAX_LANES - 1 and one summary lane
MARK_LINES = 6  # lines printed close together, listed in their merged mark (and the last)
SUMMARY_NAMES = 8  # names of summarised lanes listed in its title


class Stretch:
    """A time a lane ran or waited; after merging, several that lie too close to tell apart."""

    __slots__ = ("count", "how", "reason", "reasons", "t0", "t1", "total", "whats")

    def __init__(self, t0: float, t1: float, reason: str = "", what: str = "", how=None):
        self.t0, self.t1, self.count, self.total = t0, t1, 1, t1 - t0
        self.reason, self.reasons = reason, {reason: 1}  # the most frequent one, and counts
        self.whats, self.how = [what] if what else [], how

    def copy(self) -> Stretch:
        twin = Stretch(self.t0, self.t1, self.reason, how=self.how)
        twin.count, twin.total = self.count, self.total
        twin.reasons, twin.whats = dict(self.reasons), list(self.whats)
        return twin

    @classmethod
    def joined(cls, stretches: list[Stretch]) -> Stretch:
        if len(stretches) == 1:
            return stretches[0]
        joined = stretches[0].copy()
        for stretch in stretches[1:]:
            joined.absorb(stretch)
        joined.reason = max(joined.reasons, key=joined.reasons.__getitem__)
        return joined

    def absorb(self, other: Stretch) -> None:
        self.t1 = max(self.t1, other.t1)
        self.count += other.count
        self.total += other.total
        self.how = other.how
        for reason, n in other.reasons.items():
            self.reasons[reason] = self.reasons.get(reason, 0) + n
        for what in other.whats:
            if what not in self.whats and len(self.whats) < 3:
                self.whats.append(what)


class Mark:
    """A moment (a wake or a printed line); after merging, several close together (their
    first lines and the last are kept for the title)."""

    __slots__ = ("count", "how", "last", "t", "texts")

    def __init__(self, t: float, text: str = "", how: str = ""):
        self.t, self.count, self.texts, self.last, self.how = t, 1, [text], text, how

    @classmethod
    def joined(cls, marks: list[Mark]) -> Mark:
        if len(marks) == 1:
            return marks[0]
        first = marks[0]
        joined = Mark(first.t, how=first.how)
        joined.texts, joined.count, joined.last = list(first.texts), first.count, first.last
        for mark in marks[1:]:
            joined.absorb(mark)
        return joined

    def absorb(self, other: Mark) -> None:
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


class Lane:
    def __init__(self, lane_id: str, name: str, kind: str):
        self.id, self.name, self.kind = lane_id, name, kind
        self.members: list[Lane] = []  # for a summary lane: the lanes it stands for
        self.runs: list[Stretch] = []
        self.waits: list[Stretch] = []
        self.wakes: list[Mark] = []
        self.prints: list[Mark] = []
        self.start: tuple[float, str | None] | None = None  # (t, parent lane)
        self.end: tuple[float, str] | None = None
        self.deadlocked = False


class Story:
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
        self.lanes: dict[str, Lane] = {}
        for lane in recording.get("lanes") or []:
            self.lanes[lane["id"]] = Lane(lane["id"], str(lane["name"]), lane.get("kind", ""))
        self.gap: tuple[float, float] | None = None  # the time whose events were not kept
        if self.dropped and 0 < self.limit < len(self.events):
            self.gap = (float(self.events[self.limit - 1][0]), float(self.events[self.limit][0]))
        self.summarised = 0  # lanes drawn together in the summary lane
        for edge in self.cycle:
            if edge.get("lane") in self.lanes:
                self.lanes[edge["lane"]].deadlocked = True

    @classmethod
    def read(cls, recording: dict) -> Story:
        story = cls(recording)
        story._replay()
        story.collapse()
        return story

    def moments(self) -> list[float]:
        """The times something happened (a lane started, ran, waited, woke, printed, ended)."""
        return [float(event[0]) for event in self.events]

    # --- many lanes ---

    def collapse(self, keep: int = MAX_LANES) -> None:
        """Above `keep` lanes, keep `keep - 1` (the main program, the lanes of a deadlock,
        those that failed or wrote to stderr, then the first ones, in their order) and draw
        the others together in one summary lane."""
        lanes = list(self.lanes.values())
        if len(lanes) <= keep:
            return

        def telling(index_lane) -> tuple[int, int]:
            index, lane = index_lane
            failed = bool(lane.end and not lane.end[1].startswith("return"))
            failed = failed or any(mark.how == "stderr" for mark in lane.prints)
            first = index == 0 or lane.kind == "program"
            return (0 if first else 1 if lane.deadlocked else 2 if failed else 3, index)

        kept_ids = {lane.id for _, lane in sorted(enumerate(lanes), key=telling)[: keep - 1]}
        kept = [lane for lane in lanes if lane.id in kept_ids]
        others = [lane for lane in lanes if lane.id not in kept_ids]
        self.lanes = {lane.id: lane for lane in kept}
        summary = _summary_lane(others)
        self.lanes[summary.id] = summary
        self.summarised = len(others)

    def _lane(self, lane_id) -> Lane:
        if lane_id not in self.lanes:  # an event of a lane the recording does not list
            self.lanes[lane_id] = Lane(lane_id, str(lane_id), "thread")
        return self.lanes[lane_id]

    def _replay(self) -> None:
        running: str | None = None
        since = 0.0
        blocked: dict[str, tuple[float, str, str]] = {}

        def stop_running(t: float) -> None:
            nonlocal running
            if running is not None:
                self._lane(running).runs.append(Stretch(since, t))
                running = None

        def stop_waiting(lane_id: str, t: float, how) -> None:
            t0, reason, what = blocked.pop(lane_id)
            self._lane(lane_id).waits.append(Stretch(t0, t, reason, what, how))

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
                self._lane(lane_id).wakes.append(Mark(t, how=str(detail or "woken")))
            elif kind == "print":
                owner = lane_id or running or ("P" if "P" in self.lanes else None)
                if owner is not None:
                    how = "stderr" if extra == "stderr" else "stdout"
                    self._lane(owner).prints.append(Mark(t, str(detail or ""), how))
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


def _summary_lane(others: list[Lane]) -> Lane:
    """One lane for many: every stretch and printed line of `others`, in time order (the
    drawing merges those too close to tell apart), and when the last of them ended."""
    kinds = {lane.kind for lane in others}
    noun = (
        {"thread": "threads", "task": "tasks"}.get(kinds.pop(), "lanes")
        if len(kinds) == 1
        else "lanes"
    )
    summary = Lane("…summary", f"{len(others)} more {noun}", "summary")
    summary.members = others
    summary.runs = sorted((s for lane in others for s in lane.runs), key=lambda s: s.t0)
    summary.waits = sorted((s for lane in others for s in lane.waits), key=lambda s: s.t0)
    summary.prints = sorted((m for lane in others for m in lane.prints), key=lambda m: m.t)
    ends = [lane.end for lane in others if lane.end]
    if len(ends) == len(others):
        summary.end = (max(t for t, _ in ends), f"the last of the {len(others)} ended")
    return summary


def summary_names(lane: Lane) -> str:
    """The names a summary lane stands for (the first few, and the last)."""
    names = [member.name for member in lane.members]
    if len(names) <= SUMMARY_NAMES:
        return ", ".join(names)
    return ", ".join(names[: SUMMARY_NAMES - 1]) + f", … {names[-1]}"
