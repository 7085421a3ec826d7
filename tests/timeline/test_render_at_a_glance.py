"""render_svg and render_svgs make their point at a glance (issue 17, items 4 and 5): a
deadlock's interaction fills the figure and its cycle says who holds and waits for what; a
run of hundreds of threads or tasks stays a few hundred pixels tall, with a summary lane;
times read in one style; long names stay whole where a reader can reach them."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from guide.timeline import Recorder, render_svg, render_svgs
from guide.timeline.scale import time_text
from guide.timeline.story import MAX_LANES
from guide.timeline.text import short_name

from .test_render import SVG, bands, having, lanes, recorder

LAYOUTS = ("wide", "narrow")


def height(root: ET.Element) -> float:
    return float(root.get("viewBox").split()[3])


def width(root: ET.Element) -> float:
    return float(root.get("viewBox").split()[2])


def both(rec: Recorder) -> list[ET.Element]:
    return [ET.fromstring(svg) for svg in render_svgs(rec.to_dict())]


# --- a deadlock -------------------------------------------------------------------------------


def deadlock_after_a_long_start() -> Recorder:
    """As the browser runner records problems/deadlock_forever.py: the main thread runs alone
    for 2 ms, then the two transfers interact for 0.3 ms and wait for each other forever."""
    rec = recorder("M")
    rec.run("M", t=0)
    rec.lane("T1", "Thread-1 (transfer)", parent="M", t=0.002)
    rec.run("T1", t=0.00201)
    rec.print("T1", "A holds X", t=0.00205)
    rec.block("T1", "condition", "Barrier both_hold_one", t=0.00206)
    rec.lane("T2", "Thread-2 (transfer)", parent="T1", t=0.00207)
    rec.run("T2", t=0.00208)
    rec.print("T2", "B holds Y", t=0.0021)
    rec.wake("T1", t=0.00215)
    rec.print("T2", "B waits for X", t=0.0022)
    rec.block("T2", "lock", "Lock locks['X']", t=0.00225)
    rec.run("T1", t=0.00225)
    rec.print("T1", "A waits for Y", t=0.00228)
    rec.block("T1", "lock", "Lock locks['Y']", t=0.0023)
    rec.block("M", "join", "join Thread-1 (transfer)", t=0.00231)
    rec.deadlock(
        [
            {"lane": "T1", "waits_for": "T2", "what": "Lock locks['Y']"},
            {"lane": "T2", "waits_for": "T1", "what": "Lock locks['X']"},
        ]
    )
    rec.finish(t=0.0125)  # stopped 10 ms after the last event: it waits forever
    return rec


def interaction_span(root: ET.Element) -> float:
    """x from the first mark of a deadlocked lane (its start) to where its last wait begins:
    the part of the figure that shows how the threads came to wait for each other."""
    xs = []
    for lane in having(root, "tl-lane--deadlocked"):
        xs += [float(c.get("cx")) for c in having(lane, "tl-start")]
        xs += [b[1] for b in bands(lane)]
    return max(xs) - min(xs)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_interaction_of_a_deadlock_fills_the_figure(layout: str) -> None:
    root = ET.fromstring(render_svg(deadlock_after_a_long_start().to_dict(), layout=layout))
    # drawn to scale, the 0.3 ms of interaction would take 2.5 % of the time axis
    assert interaction_span(root) >= 0.4 * width(root)
    breaks = having(root, "tl-break")
    squeezed = [(float(b.get("data-t0")), float(b.get("data-t1"))) for b in breaks]
    assert squeezed == [(0.0, 0.002), (0.00231, 0.0125)], squeezed
    notes = [t.text for t in having(root, "tl-break-note")]
    assert "+10.2 ms" in notes, notes  # how long the endless wait lasted before the stop


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_cycle_says_what_each_lane_holds_and_waits_for(layout: str) -> None:
    root = ET.fromstring(render_svg(deadlock_after_a_long_start().to_dict(), layout=layout))
    said = {
        c.get("data-lane"): " ".join("".join(t.itertext()) for t in having(c, "tl-holds"))
        for c in having(root, "tl-cycle")
    }
    joiner = " " if layout == "wide" else ", "
    assert said == {
        "T1": f"holds locks['X']{joiner}waits for locks['Y']",
        "T2": f"holds locks['Y']{joiner}waits for locks['X']",
    }
    # the words lie inside the figure, at a readable size (no "…" cut)
    for text in having(root, "tl-holds"):
        assert float(text.get("x")) + len(text.text) * 5.6 <= width(root)


def test_a_figure_of_even_steps_is_drawn_to_scale() -> None:
    """Only a stretch with nothing happening for over half the run is squeezed: a demo
    that compares durations (one sleep after another) keeps its proportions."""
    rec = recorder("A1", "A2")
    for step, lane in enumerate(["A1", "A2", "A1", "A2"]):
        rec.run(lane, t=step)
        rec.block(lane, "sleep", "sleep 1 s", t=step + 0.01)
        rec.wake(lane, t=step + 1)
    rec.finish(t=4)
    for root in both(rec):
        assert not having(root, "tl-break")


# --- many lanes -------------------------------------------------------------------------------


def many_threads(count: int, kind: str = "thread") -> Recorder:
    rec = Recorder(clock=lambda: 0.0)
    rec.lane("M", "MainThread" if kind == "thread" else "Task-1", kind, t=0)
    rec.run("M", t=0)
    for i in range(count):
        name = f"Thread-{i + 1} (increment_many)" if kind == "thread" else f"Task-{i + 2}"
        rec.lane(f"L{i}", name, kind, parent="M", t=i * 1e-4)
        rec.run(f"L{i}", t=i * 1e-4)
        rec.block(f"L{i}", "lock", "Lock lock", t=i * 1e-4 + 5e-5)
        rec.wake(f"L{i}", t=i * 1e-4 + 7e-5)
        rec.run(f"L{i}", t=i * 1e-4 + 7e-5)
        rec.end(f"L{i}", t=i * 1e-4 + 9e-5)
    rec.run("M", t=count * 1e-4)
    rec.end("M", t=count * 1e-4 + 1e-4)
    rec.finish(t=count * 1e-4 + 1e-4)
    return rec


@pytest.mark.parametrize(("count", "kind"), [(500, "thread"), (100, "task")])
def test_many_lanes_keep_the_figure_small_and_say_how_many_are_summarised(
    count: int, kind: str
) -> None:
    for root in both(many_threads(count, kind)):
        drawn = having(root, "tl-lane")
        assert len(drawn) == MAX_LANES
        assert height(root) <= 600, height(root)  # 500 lanes used to be 13,000 units tall
        summary = drawn[-1]
        assert summary.get("data-kind") == "summary"
        hidden = count + 1 - (MAX_LANES - 1)
        assert summary.get("data-count") == str(hidden)
        [name] = having(summary, "tl-name")
        noun = "threads" if kind == "thread" else "tasks"
        assert "".join(name.itertext()).endswith(f"+ {hidden} more {noun}")
        assert name.get("tabindex") == "0" and "drawn together" in name.get("aria-label")
        assert having(summary, "tl-run") and having(summary, "tl-wait")
        desc = root.find(f"{SVG}desc").text
        assert f"{count + 1} {noun}" in desc and f"{hidden} more drawn together" in desc


def test_the_lanes_of_a_deadlock_stay_among_many() -> None:
    rec = many_threads(40)
    rec.deadlock([{"lane": "L30", "waits_for": "L31", "what": "Lock a"},
                  {"lane": "L31", "waits_for": "L30", "what": "Lock b"}])  # fmt: skip
    for root in both(rec):
        kept = list(lanes(root))
        assert kept[0] == "M" and {"L30", "L31"} <= set(kept)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_time_axis_is_above_the_lanes(layout: str) -> None:
    root = ET.fromstring(render_svg(many_threads(30).to_dict(), layout=layout))
    [axis] = having(root, "tl-axis")
    axis_y = max(float(t.get("y")) for t in axis.iter(f"{SVG}text"))
    first_row = min(float(r.get("y")) for r in having(root, "tl-row"))
    assert axis_y < first_row


# --- words ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0.00398, "3.98 ms"),
        (0.004, "4 ms"),
        (2.5, "2.5 s"),
        (0.00005, "50 µs"),
        (0.0123, "12.3 ms"),
        (0.0009999, "1 ms"),
        (0, "0 s"),
    ],
)
def test_times_read_in_the_unit_that_suits_them(seconds: float, text: str) -> None:
    assert time_text(seconds) == text


def test_no_time_in_a_long_run_reads_as_a_fraction_of_a_second() -> None:
    rec = recorder("T1", "T2")
    rec.run("T1", t=0)
    rec.block("T1", "sleep", "sleep 0.00398 s", t=0.001)
    rec.run("T2", t=0.001)
    rec.wake("T1", t=0.00498)
    rec.run("T1", t=2.0)
    rec.finish(t=2.5)  # over a second: the old figure wrote every time in seconds
    for svg in render_svgs(rec.to_dict()):
        assert not re.search(r"\b0\.\d+ s\b", svg), re.findall(r"[^ ]+ 0\.\d+ s\b", svg)
        assert "sleep 3.98 ms" in svg and "from 1 ms to 4.98 ms" in svg


@pytest.mark.parametrize(
    ("name", "chars", "shown"),
    [
        ("Thread-1 (increment_many)", 20, "Thread-1 (incr…many)"),
        ("Thread-12 (increment_many)", 20, "Thread-12 (incr…any)"),
        ("MainThread", 20, "MainThread"),
        ("a-very-long-task-name-without-parts", 15, "a-very-…t-parts"),
    ],
)
def test_names_are_shortened_in_the_middle_keeping_what_tells_them_apart(
    name: str, chars: int, shown: str
) -> None:
    assert short_name(name, chars) == shown
    assert len(shown) <= chars


def test_names_of_the_usual_length_are_not_cut() -> None:
    rec = recorder()
    rec.lane("T1", "Thread-1 (increment_many)")
    rec.lane("T2", "ThreadPoolExecutor-0_0")
    for root in both(rec):
        shown = ["".join(t.itertext()) for t in having(root, "tl-name")]
        assert shown == ["Thread-1 (increment_many)", "ThreadPoolExecutor-0_0"]
