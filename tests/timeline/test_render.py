"""render_svg: the SVG contract the page, its CSS and the browser tests rely on, and a
figure that stays small and legible for any run."""

from __future__ import annotations

import itertools
import random
import re
import xml.etree.ElementTree as ET

import pytest

from guide.timeline import REASONS, Recorder, render_svg

SVG = "{http://www.w3.org/2000/svg}"


# --- building recordings and reading figures ----------------------------------------------


def recorder(*lanes: str, virtual: bool = True, limit: int = 5000) -> Recorder:
    """A recorder on a clock that stays at 0: every event gives its time."""
    rec = Recorder(clock=lambda: 0.0, virtual=virtual, limit=limit)
    for lane in lanes:
        kind = "task" if lane.startswith("A") else "thread"
        rec.lane(lane, f"name of {lane}", kind, t=0)
    return rec


def draw(rec: Recorder | dict, **kwargs) -> ET.Element:
    data = rec if isinstance(rec, dict) else rec.to_dict()
    return ET.fromstring(render_svg(data, **kwargs))


def classes(element: ET.Element) -> set[str]:
    return set(element.get("class", "").split())


def having(root: ET.Element, cls: str) -> list[ET.Element]:
    return [e for e in root.iter() if cls in classes(e)]


def lanes(root: ET.Element) -> dict[str, ET.Element]:
    return {g.get("data-lane"): g for g in having(root, "tl-lane")}


def title(element: ET.Element) -> str:
    found = element.find(f"{SVG}title")
    assert found is not None, f"{element.tag} {element.attrib} has no <title>"
    return found.text or ""


def box(rect: ET.Element) -> tuple[float, float]:
    """Left and right edges of a rect."""
    x = float(rect.get("x"))
    return x, x + float(rect.get("width"))


def bars(lane: ET.Element) -> list[tuple[float, float]]:
    return [box(r) for r in having(lane, "tl-run")]


def bands(lane: ET.Element) -> list[tuple[str, float, float]]:
    found = []
    for wait in having(lane, "tl-wait"):
        reason = next(c.removeprefix("tl-wait--") for c in classes(wait) if c != "tl-wait")
        found.append((reason, *box(wait.find(f"{SVG}rect"))))
    return found


def element_count(svg: str) -> int:
    return sum(1 for _ in ET.fromstring(svg).iter())


def two_threads() -> Recorder:
    """T1 runs 0-1 s, T2 runs 1-3 s, T1 runs 3-4 s, both end at 4 s."""
    rec = recorder("T1", "T2")
    rec.run("T1", t=0)
    rec.run("T2", t=1)
    rec.run("T1", t=3)
    rec.end("T2", t=3)
    rec.end("T1", t=4)
    rec.finish(t=4)
    return rec


# --- the document -------------------------------------------------------------------------


def test_the_figure_is_an_svg_image_with_a_title_and_a_description() -> None:
    root = draw(two_threads(), caption="Two threads take turns")
    assert root.tag == f"{SVG}svg"
    assert "tl" in classes(root)
    assert root.get("role") == "img"
    assert root.get("viewBox").startswith("0 0 720 ")
    assert root[0].tag == f"{SVG}title" and root[0].text == "Two threads take turns"
    desc = root.find(f"{SVG}desc").text
    assert "2 threads" in desc and "name of T1" in desc and "virtual time" in desc
    assert "4 s" in desc  # the time span
    assert "not kept" not in desc


def test_without_a_caption_the_title_summarises_the_lanes() -> None:
    rec = recorder("T1", "A1", "A2", virtual=False)
    root = draw(rec)
    assert root[0].text == "Timeline of 1 thread and 2 tasks"
    assert "virtual" not in root.find(f"{SVG}desc").text


def test_the_caption_is_drawn_as_real_text() -> None:
    root = draw(two_threads(), caption="Two threads take turns")
    assert [t.text for t in having(root, "tl-caption")] == ["Two threads take turns"]


def test_nothing_refers_outside_the_figure() -> None:
    svg = render_svg(two_threads().to_dict(), caption="x")
    assert "href" not in svg and "url(" not in svg and "style=" not in svg
    assert ' id="' not in svg  # figures share a page: no ids to collide


def test_an_empty_recording_still_draws() -> None:
    root = draw({"clock": "real", "lanes": [], "events": [], "end": 0, "dropped": 0})
    assert lanes(root) == {}
    assert root.find(f"{SVG}title").text


# --- lanes ----------------------------------------------------------------------------------


def test_one_lane_per_lane_in_order_with_its_kind_and_name() -> None:
    rec = recorder()
    rec.lane("P", "main program", "program")
    rec.lane("T7", "MainThread", "thread")
    rec.lane("A1", "main()", "task")
    root = draw(rec)
    found = having(root, "tl-lane")
    assert [g.tag for g in found] == [f"{SVG}g"] * 3
    assert [(g.get("data-lane"), g.get("data-kind")) for g in found] == [
        ("P", "program"),
        ("T7", "thread"),
        ("A1", "task"),
    ]
    assert [having(g, "tl-name")[0].text for g in found] == ["main program", "MainThread", "main()"]


def test_lanes_are_stacked_top_to_bottom_in_order() -> None:
    root = draw(recorder("T1", "T2", "T3"))
    ys = [float(having(g, "tl-name")[0].get("y")) for g in having(root, "tl-lane")]
    assert ys == sorted(ys) and len(set(ys)) == 3


# --- running stretches ------------------------------------------------------------------------


def test_a_bar_per_stretch_in_time_order_and_to_scale() -> None:
    lane = lanes(draw(two_threads()))
    (a0, a1), (b0, b1) = bars(lane["T1"])
    [(c0, c1)] = bars(lane["T2"])
    assert a0 < a1 <= c0 < c1 <= b0 < b1
    assert a1 == pytest.approx(c0, abs=0.2) and c1 == pytest.approx(b0, abs=0.2)
    assert c1 - c0 == pytest.approx(2 * (a1 - a0), rel=0.01)  # 2 s against 1 s
    assert b1 - b0 == pytest.approx(a1 - a0, rel=0.01)


def test_a_run_stops_at_its_block_and_at_idle() -> None:
    rec = recorder("T1", "T2")
    rec.run("T1", t=0)
    rec.block("T1", "sleep", "time.sleep(1)", t=1)
    rec.run("T2", t=1)
    rec.idle(t=2)
    rec.wake("T1", "timeout", t=3)
    rec.run("T1", t=3)
    rec.finish(t=4)
    lane = lanes(draw(rec))
    (a0, a1), (b0, b1) = bars(lane["T1"])
    [(c0, c1)] = bars(lane["T2"])
    assert a1 == pytest.approx(c0, abs=0.2)
    assert c1 - c0 == pytest.approx(a1 - a0, rel=0.01)  # T2 stops at idle, not at T1's run
    assert b0 - c1 == pytest.approx(a1 - a0, rel=0.01)  # a second with nobody running
    assert b1 - b0 == pytest.approx(a1 - a0, rel=0.01)  # the last run lasts to the end


def test_run_bars_carry_their_times_in_a_title() -> None:
    lane = lanes(draw(two_threads()))
    texts = [title(r) for r in having(lane["T2"], "tl-run")]
    assert texts == ["name of T2 ran from 1 s to 3 s (2 s)"]


# --- waits, wakes, prints, ends -----------------------------------------------------------------


def test_a_wait_lasts_from_block_to_wake_with_a_class_for_its_reason() -> None:
    rec = recorder("T1", "T2")
    rec.run("T1", t=0)
    rec.block("T1", "lock", "Lock lock_a", t=1)
    rec.run("T2", t=1)
    rec.wake("T1", t=2)
    rec.run("T1", t=3)
    rec.finish(t=4)
    lane = lanes(draw(rec))["T1"]
    [(reason, w0, w1)] = bands(lane)
    (a0, a1), (b0, _) = bars(lane)
    assert reason == "lock"
    assert w1 < b0
    assert w0 == pytest.approx(a1, abs=0.2)
    assert w1 - w0 == pytest.approx(a1 - a0, rel=0.01)  # woken at 2 s, ran again at 3 s
    [wait] = having(lane, "tl-wait")
    assert "Lock lock_a" in title(wait) and "woken" in title(wait)
    assert len(having(lane, "tl-wake")) == 1


def test_a_wait_without_a_wake_ends_at_the_next_run_or_at_the_end() -> None:
    rec = recorder("T1", "T2")
    rec.run("T1", t=0)
    rec.block("T1", "queue", "Queue.get", t=1)
    rec.run("T1", t=2)
    rec.block("T2", "condition", "Event.wait", t=2)
    rec.finish(t=4)
    root = draw(rec)
    [(_, q0, q1)] = bands(lanes(root)["T1"])
    [(_, e0, e1)] = bands(lanes(root)["T2"])
    assert q1 == pytest.approx(e0, abs=0.2)
    assert e1 - e0 == pytest.approx(2 * (q1 - q0), rel=0.01)
    assert "still waiting at the end" in title(having(lanes(root)["T2"], "tl-wait")[0])


def test_each_reason_has_its_own_class_and_its_own_line_in_the_legend() -> None:
    rec = recorder(*(f"T{i}" for i in range(len(REASONS))))
    for i, reason in enumerate(REASONS):
        rec.run(f"T{i}", t=i)
        rec.block(f"T{i}", reason, f"on {reason}", t=i + 0.5)
    rec.finish(t=10)
    root = draw(rec)
    drawn = {f"T{i}": [b[0] for b in bands(lane)] for i, lane in enumerate(lanes(root).values())}
    assert drawn == {f"T{i}": [reason] for i, reason in enumerate(REASONS)}
    [legend] = having(root, "tl-legend")
    for reason in REASONS:
        assert having(legend, f"tl-swatch--{reason}"), reason
    assert not having(legend, "tl-wait"), "the legend is not counted as waits"


def test_the_legend_shows_only_the_reasons_drawn() -> None:
    rec = recorder("T1")
    rec.run("T1", t=0)
    rec.block("T1", "sleep", "time.sleep(1)", t=1)
    [legend] = having(draw(rec), "tl-legend")
    assert having(legend, "tl-swatch--sleep") and not having(legend, "tl-swatch--lock")


def test_print_marks_carry_the_printed_line() -> None:
    rec = recorder("T1", "T2")
    rec.run("T1", t=0)
    rec.print("T1", "hello from one", t=1)
    rec.run("T2", t=2)
    rec.print("T2", "oops", "stderr", t=3)
    rec.finish(t=4)
    lane = lanes(draw(rec))
    [one] = having(lane["T1"], "tl-print")
    [two] = having(lane["T2"], "tl-print")
    assert "hello from one" in title(one) and "hello from one" in one.get("aria-label")
    assert "tl-print--stderr" in classes(two) and "stderr" in title(two)


def test_a_print_outside_any_lane_goes_to_the_running_lane() -> None:
    rec = recorder("T1")
    rec.run("T1", t=0)
    rec.print(None, "whose line?", t=1)
    [mark] = having(lanes(draw(rec))["T1"], "tl-print")
    assert "whose line?" in title(mark)


def test_ends_are_marked_by_how_they_ended() -> None:
    rec = recorder("A1", "A2", "A3")
    rec.end("A1", "returned", t=1)
    rec.end("A2", "cancelled", t=2)
    rec.end("A3", "raised ValueError", t=3)
    lane = lanes(draw(rec))
    styles = [next(c for c in classes(having(lane[i], "tl-end")[0]) if "--" in c) for i in lane]
    assert styles == ["tl-end--returned", "tl-end--cancelled", "tl-end--raised"]
    assert "raised ValueError" in title(having(lane["A3"], "tl-end")[0])


def test_every_mark_in_a_lane_has_a_title() -> None:
    rec = recorder("T1", "T2")
    rec.run("T1", t=0)
    rec.print("T1", "a", t=0.5)
    rec.block("T1", "join", "Thread T2", t=1)
    rec.run("T2", t=1)
    rec.end("T2", t=2)
    rec.wake("T1", t=2)
    rec.run("T1", t=2)
    rec.end("T1", t=3)
    root = draw(rec)
    for cls in ("tl-run", "tl-wait", "tl-wake", "tl-print", "tl-end", "tl-start"):
        marks = [m for g in having(root, "tl-lane") for m in having(g, cls)]
        assert marks, cls
        for mark in marks:
            assert title(mark), cls


# --- deadlock -----------------------------------------------------------------------------------


def deadlocked() -> Recorder:
    rec = recorder("T1", "T2", "T3")
    rec.run("T2", t=0)
    rec.block("T2", "lock", "Lock b", t=1)
    rec.run("T3", t=1)
    rec.block("T3", "lock", "Lock a", t=2)
    rec.idle(t=2)
    rec.deadlock(
        [
            {"lane": "T2", "waits_for": "T3", "what": "Lock b"},
            {"lane": "T3", "waits_for": "T2", "what": "Lock a"},
        ]
    )
    rec.finish(t=3)
    return rec


def test_a_deadlock_marks_its_lanes_and_draws_the_wait_for_cycle() -> None:
    root = draw(deadlocked())
    marked = {g.get("data-lane") for g in having(root, "tl-lane--deadlocked")}
    assert marked == {"T2", "T3"}
    cycle = having(root, "tl-cycle")
    assert [c.tag for c in cycle] == [f"{SVG}g", f"{SVG}g"]
    labels = [c.get("aria-label") for c in cycle]
    # each lane holds what the other waits for
    assert labels == [
        "name of T2 holds a and waits for b, held by name of T3",
        "name of T3 holds b and waits for a, held by name of T2",
    ]
    assert [title(c) for c in cycle] == labels
    assert [c.get("tabindex") for c in cycle] == ["0", "0"]
    holds = [["".join(t.itertext()) for t in having(c, "tl-holds")] for c in cycle]
    assert holds == [["holds a", "waits for b"], ["holds b", "waits for a"]]
    assert all(having(c, "tl-arc") for c in cycle)
    note = having(root, "tl-deadlock-note")[0].text
    assert note == "Deadlock: these threads wait for each other forever"
    assert "Deadlock" in root.find(f"{SVG}desc").text


def test_the_cycle_arrows_lie_right_of_the_timeline() -> None:
    root = draw(deadlocked())
    right_edge = max(b[1] for g in having(root, "tl-lane") for b in bands(g))
    for arc in having(root, "tl-arc"):
        xs = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", arc.get("d"))[::2]]
        assert min(xs) >= right_edge


def test_waits_of_a_deadlock_last_forever() -> None:
    root = draw(deadlocked())
    [wait] = having(lanes(root)["T2"], "tl-wait")
    assert "forever" in title(wait)


def test_no_deadlock_no_cycle() -> None:
    root = draw(two_threads())
    assert not having(root, "tl-cycle") and not having(root, "tl-lane--deadlocked")
    assert not having(root, "tl-deadlock-note")


# --- long runs ------------------------------------------------------------------------------------


def long_run(switches: int, lanes_count: int = 2, limit: int = 5000, seed: int = 1) -> Recorder:
    """Threads taking turns `switches` times, blocking on locks now and then, printing rarely."""
    rng = random.Random(seed)
    names = [f"T{i}" for i in range(lanes_count)]
    rec = recorder(*names, limit=limit)
    t = 0.0
    for n in range(switches):
        lane = names[n % lanes_count]
        rec.run(lane, t=t)
        t += rng.uniform(1e-6, 1e-4)
        if n % 5 == 0:
            rec.block(lane, rng.choice(["lock", "queue"]), "Lock l", t=t)
            rec.wake(lane, t=t + 1e-6)
        if n % 50 == 0:
            rec.print(lane, f"step {n}", t=t + 2e-6)
        t += 3e-6
    for lane in names:
        rec.end(lane, t=t)
    rec.finish(t=t)
    return rec


def test_the_gap_of_events_not_kept_is_a_band_with_a_note() -> None:
    rec = long_run(3000, limit=500)
    data = rec.to_dict()
    assert data["dropped"] > 0
    root = draw(data)
    [gap] = having(root, "tl-gap")
    note = f"{data['dropped']:,} events not kept"
    assert note in "".join(gap.itertext())
    assert note in title(gap)
    assert note in root.find(f"{SVG}desc").text
    band = having(gap, "tl-gap-band")[0]
    g0, g1 = box(band)
    for lane in having(root, "tl-lane"):
        for x0, x1 in bars(lane) + [b[1:] for b in bands(lane)]:
            assert x1 <= g0 + 0.01 or x0 >= g1 - 0.01, "nothing is drawn over the gap"


def test_the_gap_cuts_the_stretch_open_at_its_start() -> None:
    rec = recorder("T1", "T2", limit=2)
    rec.run("T1", t=0)  # the head holds the two starts: this run is not kept
    rec.wake("T2", t=1)
    rec.wake("T2", t=2)
    rec.wake("T2", t=3)  # kept
    rec.run("T2", t=4)  # kept
    rec.finish(t=5)
    data = rec.to_dict()
    assert data["dropped"] == 3
    assert [e[1] for e in data["events"]] == ["start", "start", "wake", "run"]
    # nothing kept says when T1 ran: no bar for T1, none across the gap
    root = draw(data)
    assert bars(lanes(root)["T1"]) == []
    [gap] = having(root, "tl-gap-band")
    [(x0, _)] = bars(lanes(root)["T2"])
    assert x0 >= box(gap)[1]


def test_a_lane_running_when_the_kept_head_ends_runs_up_to_the_gap() -> None:
    rec = recorder("T1", "T2", limit=4)
    rec.run("T1", t=0)
    rec.print("T1", "still running", t=1)  # the last event kept at the head
    for i in range(10):
        rec.wake("T2", t=2 + i)
    rec.finish(t=20)
    root = draw(rec.to_dict())
    gap_start = box(having(root, "tl-gap-band")[0])[0]
    [(x0, x1)] = bars(lanes(root)["T1"])
    assert x0 < x1 == pytest.approx(gap_start, abs=0.01)


def test_a_lane_that_blocks_first_after_the_gap_was_running_across_its_end() -> None:
    rec = recorder("T1", limit=3)
    rec.run("T1", t=0)
    rec.block("T1", "lock", "Lock a", t=1)  # dropped
    rec.wake("T1", t=2)  # dropped
    rec.run("T1", t=3)  # dropped
    rec.print("T1", "x", t=4)
    rec.block("T1", "lock", "Lock a", t=5)
    rec.wake("T1", t=6)
    rec.finish(t=7)
    root = draw(rec.to_dict())
    gap_end = box(having(root, "tl-gap-band")[0])[1]
    starts = [x0 for x0, _ in bars(lanes(root)["T1"])]
    assert len(starts) == 2 and starts[1] == pytest.approx(gap_end, abs=0.2)


@pytest.mark.parametrize("lanes_count", [2, 8])
def test_a_ten_thousand_event_run_stays_small(lanes_count: int) -> None:
    data = long_run(7500, lanes_count).to_dict()
    assert len(data["events"]) + data["dropped"] >= 10_000
    svg = render_svg(data)
    assert element_count(svg) < 3000
    assert len(svg) < 400_000


def test_a_hundred_thousand_event_run_stays_small_too() -> None:
    data = long_run(60_000, 4).to_dict()
    assert data["dropped"] > 50_000
    assert element_count(render_svg(data)) < 3000


def test_close_stretches_merge_and_say_how_many() -> None:
    rec = recorder("T1", "T2")
    for n in range(1000):  # 1000 switches in one second: far less than a pixel each
        rec.run(f"T{n % 2 + 1}", t=n / 1000)
    rec.finish(t=1)
    lane = lanes(draw(rec))["T1"]
    runs = having(lane, "tl-run")
    assert len(runs) < 10
    assert re.search(r"ran \d+ times between", title(runs[0]))


def test_a_short_stretch_is_still_visible() -> None:
    rec = recorder("T1", "T2")
    rec.run("T1", t=0)
    rec.run("T2", t=1e-6)
    rec.finish(t=10)
    [(x0, x1)] = bars(lanes(draw(rec))["T1"])
    assert x1 - x0 >= 1


# --- text -----------------------------------------------------------------------------------------


def test_names_and_printed_lines_are_escaped() -> None:
    rec = recorder()
    rec.lane("T1", 'a<b>&"c"', "thread")
    rec.run("T1", t=0)
    rec.print("T1", "x < y && y > z </svg>", t=1)
    rec.block("T1", "lock", "Lock <&>", t=2)
    rec.finish(t=3)
    svg = render_svg(rec.to_dict(), caption="<caption> & more")
    root = ET.fromstring(svg)
    lane = lanes(root)["T1"]
    assert having(lane, "tl-name")[0].text == 'a<b>&"c"'
    [mark] = having(lane, "tl-print")
    assert "x < y && y > z </svg>" in title(mark)
    assert "x < y && y > z </svg>" in mark.get("aria-label")
    assert "Lock <&>" in title(having(lane, "tl-wait")[0])
    assert root.find(f"{SVG}title").text == "<caption> & more"


def test_control_characters_in_a_printed_line_keep_the_xml_valid() -> None:
    rec = recorder("T1")
    rec.print("T1", "\x1b[31mred\x1b[0m and a bell\x07", t=1)
    root = draw(rec)
    text = title(having(root, "tl-print")[0])
    assert "red" in text and "\\x1b" in text and "\\x07" in text


def test_a_long_name_is_cut_in_the_middle_and_kept_whole_for_hover_and_focus() -> None:
    name = "ThreadPoolExecutor-0_0 working very hard on the largest file of them all"
    rec = recorder()
    rec.lane("T1", name)
    [label] = having(draw(rec), "tl-name")
    shown = "".join(label.itertext()).removeprefix(name)
    assert "…" in shown and len(shown) < len(name)
    assert name.startswith(shown.split("…")[0]) and name.endswith(shown.split("…")[1])
    assert title(label) == name
    assert label.get("tabindex") == "0" and label.get("aria-label") == name


@pytest.mark.parametrize(
    ("end", "unit"), [(2.5, " s"), (0.004, " ms"), (0.00005, " µs"), (40.0, " s")]
)
def test_axis_ticks_use_a_unit_that_suits_the_span(end: float, unit: str) -> None:
    rec = recorder("T1")
    rec.run("T1", t=0)
    rec.finish(t=end)
    [axis] = having(draw(rec), "tl-axis")
    ticks = [t.text for t in axis.iter(f"{SVG}text") if "tl-axis-name" not in classes(t)]
    assert ticks[0] == "0"
    assert 3 <= len(ticks) <= 12
    assert all(t.endswith(unit) for t in ticks[1:]), ticks
    values = [float(t.split()[0]) for t in ticks[1:]]
    assert values == sorted(values) and len(set(values)) == len(values)


# --- the keyboard -----------------------------------------------------------------------------------


def test_focusable_marks_have_a_label_and_a_title() -> None:
    root = draw(deadlocked())
    focusable = [e for e in root.iter() if e.get("tabindex") is not None]
    assert focusable
    for element in focusable:
        assert element.get("tabindex") == "0"
        assert element.get("aria-label")
        assert title(element)


def test_waits_prints_ends_and_cycle_arrows_are_focusable() -> None:
    root = draw(deadlocked())
    rec = recorder("T1")
    rec.print("T1", "hi", t=0)
    rec.end("T1", t=1)
    other = draw(rec)
    assert all(w.get("tabindex") == "0" for w in having(root, "tl-wait"))
    assert all(c.get("tabindex") == "0" for c in having(root, "tl-cycle"))
    assert having(other, "tl-print")[0].get("tabindex") == "0"
    assert having(other, "tl-end")[0].get("tabindex") == "0"
    assert having(other, "tl-run")[0].get("tabindex") is None if having(other, "tl-run") else True


def test_focusable_marks_are_capped_and_the_first_ones_kept() -> None:
    rec = recorder("T1", "T2")
    for n in range(1000):
        rec.print(f"T{n % 2 + 1}", f"line {n}", t=n)
    rec.end("T1", t=1000)
    rec.end("T2", t=1000)
    root = draw(rec)
    focusable = [e for e in root.iter() if e.get("tabindex") == "0"]
    assert 100 <= len(focusable) <= 150
    assert all(
        having(lanes(root)[lane], "tl-end")[0].get("tabindex") == "0" for lane in ("T1", "T2")
    )
    first = having(lanes(root)["T1"], "tl-print")[0]
    assert first.get("tabindex") == "0" and "line 0" in first.get("aria-label")
    last = having(lanes(root)["T2"], "tl-print")[-1]
    assert last.get("tabindex") is None and "line 999" in title(last)  # hover only
    assert "hover" in root.find(f"{SVG}desc").text


def test_each_focusable_mark_is_followed_by_its_focus_tip() -> None:
    root = draw(deadlocked())
    for parent in root.iter():
        children = list(parent)
        for element, after in zip(children, [*children[1:], None], strict=False):
            if element.get("tabindex") == "0":
                assert after is not None and "tl-tip" in classes(after)
                assert after.get("aria-hidden") == "true"
    assert not [t for t in having(root, "tl-tip") if t.get("tabindex")]


# --- odd recordings -----------------------------------------------------------------------------


def test_a_run_in_no_time_at_all_still_draws_every_lane() -> None:
    rec = recorder("T1", "T2")
    rec.run("T1", t=0)
    rec.block("T1", "lock", "Lock a", t=0)
    rec.run("T2", t=0)
    rec.end("T2", t=0)
    root = draw(rec)
    assert len(lanes(root)) == 2
    assert bars(lanes(root)["T2"]) and bands(lanes(root)["T1"])


def test_a_thread_waiting_for_itself_gets_a_loop() -> None:
    rec = recorder("T1")
    rec.run("T1", t=0)
    rec.block("T1", "lock", "Lock a", t=1)
    rec.deadlock([{"lane": "T1", "waits_for": "T1", "what": "Lock a"}])
    rec.finish(t=2)
    [cycle] = having(draw(rec), "tl-cycle")
    assert cycle.get("aria-label") == "name of T1 holds a and waits for a, held by name of T1"
    assert having(cycle, "tl-arc")


def test_events_of_unlisted_lanes_and_cycles_of_unknown_lanes_do_not_break_it() -> None:
    data = {
        "clock": "real",
        "lanes": [{"id": "T1", "name": "one", "kind": "thread"}],
        "events": [[0, "run", "T1", None, None], [1, "run", "T9", None, None]],
        "end": 2,
        "dropped": 0,
        "limit": 10,
        "deadlock": [{"lane": "T1", "waits_for": "T7", "what": "?"}, {"lane": "T8"}],
    }
    root = draw(data)
    assert list(lanes(root)) == ["T1", "T9"]
    assert len(having(root, "tl-cycle")) == 1


@pytest.mark.parametrize("seed", range(20))
def test_random_runs_always_make_valid_figures(seed: int) -> None:
    rng = random.Random(seed)
    names = [f"{rng.choice('TA')}{i}" for i in range(rng.randint(1, 6))]
    rec = recorder(*names, limit=rng.choice([5, 50, 5000]))
    t = 0.0
    for _ in range(rng.randint(0, 400)):
        t += rng.choice([0, 1e-6, 1e-3, 0.5])
        lane = rng.choice(names)
        action = rng.choice(["run", "idle", "block", "wake", "print", "end"])
        if action == "run":
            rec.run(lane, t=t)
        elif action == "idle":
            rec.idle(t=t)
        elif action == "block":
            rec.block(lane, rng.choice([*REASONS, "other"]), "x", t=t)
        elif action == "wake":
            rec.wake(lane, t=t)
        elif action == "print":
            rec.print(rng.choice([lane, None]), "line\nline 2", t=t)
        else:
            rec.end(lane, rng.choice(["returned", "cancelled", "raised E"]), t=t)
    if rng.random() < 0.3:
        rec.deadlock(
            [{"lane": a, "waits_for": b, "what": "L"} for a, b in itertools.pairwise(names)]
        )
    root = draw(rec, caption=rng.choice([None, "a caption"]))
    assert [g.get("data-lane") for g in having(root, "tl-lane")] == names
    for lane in having(root, "tl-lane"):
        for x0, x1 in bars(lane) + [b[1:] for b in bands(lane)]:
            assert 0 <= x0 < x1 <= 720
    assert len([e for e in root.iter() if e.get("tabindex")]) <= 150


def test_ticks_after_a_gap_are_told_apart_by_their_decimals() -> None:
    rec = recorder("T1", limit=3)
    rec.run("T1", t=0)
    for i in range(50):
        rec.wake("T1", t=100 + i / 1000)  # the kept tail spans 100.047-100.049 s
    rec.finish(t=100.05)
    [axis] = having(draw(rec), "tl-axis")
    ticks = [t.text for t in axis.iter(f"{SVG}text") if "tl-axis-name" not in classes(t)]
    after = [t for t in ticks if t.startswith("100")]
    assert len(after) >= 2 and len(set(after)) == len(after), ticks
    assert all(t.endswith(" s") for t in after)
