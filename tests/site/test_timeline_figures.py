"""Timeline figures recorded from CPython at build time (theme/hooks/timelines.py,
theme/hooks/cpython_timeline.py): the recorder on tiny programs, then the figures of the
built site, each after the example it pictures, with the lanes its story needs."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
import textwrap
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

from guide.hooks import timelines

from .pages import DOCS, markdown_pages

RECORDER = Path(timelines.__file__).with_name("cpython_timeline.py")
SVG = "{http://www.w3.org/2000/svg}"


# --- the recorder, on tiny programs ----------------------------------------------------------


def record(tmp_path: Path, source: str, *args: str) -> tuple[dict, float]:
    """Run cpython_timeline.py on `source`; (what it wrote, seconds it took)."""
    program = tmp_path / "program.py"
    program.write_text(textwrap.dedent(source), encoding="utf-8")
    out = tmp_path / "out.json"
    started = time.perf_counter()
    run = subprocess.run(
        [sys.executable, str(RECORDER), str(program), "--out", str(out), *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    elapsed = time.perf_counter() - started
    assert run.returncode == 0, run.stdout + run.stderr
    return json.loads(out.read_text(encoding="utf-8")), elapsed


TWO_THREADS_ONE_LOCK = """
    import threading
    import time

    lock = threading.Lock()
    taken = threading.Event()


    def hold() -> None:
        with lock:
            print("first has the lock")
            taken.set()
            time.sleep(0.1)


    def wait() -> None:
        taken.wait()
        with lock:  # first holds it for 0.1 s more
            print("second has the lock")


    first = threading.Thread(target=hold, name="first")
    second = threading.Thread(target=wait, name="second")
    first.start()
    second.start()
    first.join()
    second.join()
    print("done")
"""


def test_recorder_follows_two_threads_and_a_lock(tmp_path: Path) -> None:
    result, _ = record(tmp_path, TWO_THREADS_ONE_LOCK)
    assert re.fullmatch(r"CPython 3\.\d+\.\d+", result["python"]), result["python"]
    assert result["exit_code"] == 0
    recording = result["recording"]
    assert recording["clock"] == "real" and recording["deadlock"] is None
    lanes = {lane["name"]: lane["id"] for lane in recording["lanes"]}
    assert set(lanes) == {"MainThread", "first", "second"}
    assert all(re.fullmatch(r"T\d+", lane) for lane in lanes.values()), lanes
    assert {lane["kind"] for lane in recording["lanes"]} == {"thread"}
    events = recording["events"]
    times = [event[0] for event in events]
    assert times == sorted(times), "events out of order"

    def find(kind: str, lane: str, detail=None, after: int = -1) -> tuple[int, list]:
        for index, event in enumerate(events):
            if (
                index > after
                and event[1] == kind
                and event[2] == lanes[lane]
                and detail in (None, event[3])
            ):
                return index, event
        raise AssertionError(f"no {kind} {detail or ''} of {lane} in {events}")

    blocked, block = find("block", "second", "lock")
    assert block[4] == "Lock lock", block
    woken, wake = find("wake", "second", after=blocked)
    assert wake[3] == "woken"
    held, _ = find("print", "first", "first has the lock")
    got, _ = find("print", "second", "second has the lock")
    # second waits while first holds the lock, and gets it only once first lets go
    assert held < blocked < woken < got
    assert wake[0] - block[0] > 0.02, "the wait for the lock is shorter than first holds it"
    assert find("block", "MainThread", "join")[1][4] == "join first"
    assert find("print", "MainThread", "done")[0] > got
    assert [e[3] for e in events if e[1] == "end"] == ["returned"] * 3


def test_recorder_reports_a_deadlock_without_waiting_for_blocks_after(tmp_path: Path) -> None:
    source = """
        import threading

        a, b = threading.Lock(), threading.Lock()
        both = threading.Barrier(2)


        def take(first, second) -> None:
            with first:
                both.wait()
                with second:
                    pass


        threading.Thread(target=take, args=(a, b), name="one").start()
        threading.Thread(target=take, args=(b, a), name="two").start()
    """
    result, elapsed = record(tmp_path, source, "--blocks-after", "20")
    assert elapsed < 10, "the deadlock was not seen before --blocks-after"
    assert result["exit_code"] is None  # stopped, not ended
    recording = result["recording"]
    ids = {lane["name"]: lane["id"] for lane in recording["lanes"]}
    cycle = {(c["lane"], c["waits_for"], c["what"]) for c in recording["deadlock"]}
    assert cycle == {(ids["one"], ids["two"], "Lock b"), (ids["two"], ids["one"], "Lock a")}
    for name in ("one", "two"):  # each ends its story waiting for a lock, never woken
        waits = [e for e in recording["events"] if e[2] == ids[name] and e[1] in {"block", "wake"}]
        assert waits[-1][1:4] == ["block", ids[name], "lock"], waits


def test_recorder_follows_asyncio_tasks(tmp_path: Path) -> None:
    source = """
        import asyncio


        async def nap(name: str, seconds: float) -> None:
            await asyncio.sleep(seconds)
            print(name, "woke")


        async def main() -> None:
            await asyncio.gather(nap("short", 0.01), nap("long", 0.02))


        asyncio.run(main())
    """
    result, _ = record(tmp_path, source)
    recording = result["recording"]
    tasks = [lane["id"] for lane in recording["lanes"] if lane["kind"] == "task"]
    assert len(tasks) == 3, recording["lanes"]  # main and the two gathered
    prints = [(e[2], e[3]) for e in recording["events"] if e[1] == "print"]
    assert [text for _, text in prints] == ["short woke", "long woke"]
    assert len({lane for lane, _ in prints}) == 2, "both prints on one lane"
    sleeps = [e[2] for e in recording["events"] if e[1] == "block" and e[3] == "sleep"]
    assert set(sleeps) == {lane for lane, _ in prints}


# --- the figures of the built site -----------------------------------------------------------


@dataclass
class Figure:
    snippet: str
    after_example: str | None  # the snippet of the example block just before it
    svg: ET.Element  # the wide layout (a page's column, print)
    narrow: ET.Element  # the narrow one (a phone)
    caption: str

    def lanes(self) -> list[ET.Element]:
        return [g for g in self.svg.iter(f"{SVG}g") if "tl-lane" in _classes(g)]

    def names(self, lanes: list[ET.Element] | None = None) -> list[str]:
        return [_name(lane) for lane in (self.lanes() if lanes is None else lanes)]


def _classes(element: ET.Element) -> set[str]:
    return set(element.get("class", "").split())


def _name(lane: ET.Element) -> str:
    return next("".join(t.itertext()) for t in lane.iter(f"{SVG}text") if "tl-name" in _classes(t))


def _waits(lane: ET.Element, reason: str) -> list[ET.Element]:
    return [g for g in lane.iter() if f"tl-wait--{reason}" in _classes(g)]


def figures(site_dir: Path, url: str) -> list[Figure]:
    text = (site_dir / url / "index.html").read_text(encoding="utf-8")
    found = []
    for match in re.finditer(r'<figure class="guide-timeline"(.*?)</figure>', text, re.DOTALL):
        snippet = re.search(r'data-snippet="([^"]+)"', match[1])[1]
        before = re.findall(
            r'class="guide-example"[^>]* data-snippet="([^"]+)"', text[: match.start()]
        )
        scroll = re.search(r'<div class="tl-scroll">(<svg\b.*?</svg>)</div>', match[1], re.DOTALL)
        assert scroll, f"{url}: a timeline figure without div.tl-scroll > svg"
        svgs = [ET.fromstring(svg) for svg in re.findall(r"<svg\b.*?</svg>", scroll[1], re.DOTALL)]
        layouts = [svg.get("data-layout") for svg in svgs]
        assert layouts == ["wide", "narrow"], f"{url}: timeline layouts {layouts}"
        caption = re.search(r"<figcaption>(.*?)</figcaption>", match[1], re.DOTALL)
        assert caption, f"{url}: a timeline figure without a caption"
        plain = html.unescape(re.sub(r"<[^>]+>", "", caption[1]))
        found.append(Figure(snippet, before[-1] if before else None, *svgs, plain))
    return found


def the_figure(site_dir: Path, url: str, snippet: str) -> Figure:
    found = [figure for figure in figures(site_dir, url) if figure.snippet == snippet]
    assert len(found) == 1, f"{url}: {len(found)} timeline figures of {snippet}"
    return found[0]


def timeline_blocks() -> list[tuple[str, str]]:
    """(page url, snippet) for every `/// timeline` block of the pages."""
    found = []
    for page in markdown_pages():
        url = page.relative_to(DOCS).with_suffix("").as_posix() + "/"
        url = url.removesuffix("index/")
        for match in timelines.TIMELINE.finditer(page.read_text(encoding="utf-8")):
            found.append((url, match["name"]))
    return found


KEY_FIGURES = {
    "race": ("problems/race-conditions/", "problems/lost_updates_step_by_step.py"),
    "deadlock": ("problems/deadlock/", "problems/deadlock_forever.py"),
    "producer-consumer": ("threads/communication/", "threads/queue_sentinel.py"),
    "gather": ("asyncio/structured-concurrency/", "asyncio/sequential_vs_gather.py"),
}


def test_the_key_demos_have_timelines() -> None:
    assert set(KEY_FIGURES.values()) <= set(timeline_blocks())


@pytest.mark.parametrize(
    ("url", "snippet"), timeline_blocks(), ids=[s for _, s in timeline_blocks()]
)
def test_figure_follows_its_example_and_says_where_it_comes_from(
    site_dir: Path, url: str, snippet: str
) -> None:
    figure = the_figure(site_dir, url, snippet)
    assert figure.after_example == snippet, (
        f"{url}: the timeline of {snippet} follows the example of {figure.after_example}"
    )
    assert "tl" in _classes(figure.svg) and figure.svg.get("role") == "img"
    assert figure.lanes(), "a figure without lanes"
    version = re.search(r"\bCPython (3)\.(\d+)\.\d+\b", figure.caption)
    assert version and int(version[2]) >= 11, figure.caption
    assert f"real run of {snippet}" in figure.caption, figure.caption
    assert "when this site was built" in figure.caption
    assert "differs from run to run" in figure.caption


def test_race_figure_has_a_lane_per_adder(site_dir: Path) -> None:
    figure = the_figure(site_dir, *KEY_FIGURES["race"])
    names = figure.names()
    assert {"adder A", "adder B"} <= set(names), names
    assert {lane.get("data-kind") for lane in figure.lanes()} == {"thread"}
    for lane in figure.lanes():
        if _name(lane).startswith("adder"):
            assert _waits(lane, "sleep"), f"{_name(lane)}: no pause between read and write"


def test_deadlock_figure_shows_the_cycle(site_dir: Path) -> None:
    figure = the_figure(site_dir, *KEY_FIGURES["deadlock"])
    stuck = [lane for lane in figure.lanes() if "tl-lane--deadlocked" in _classes(lane)]
    assert sorted(figure.names(stuck)) == ["Thread-1 (transfer)", "Thread-2 (transfer)"]
    assert "MainThread" in figure.names(), figure.names()
    assert [g for g in figure.svg.iter(f"{SVG}g") if "tl-cycle" in _classes(g)]
    for lane in stuck:
        assert _waits(lane, "lock"), f"{_name(lane)} is in the cycle without a lock wait"
    assert "deadlocked" in figure.caption


def test_deadlock_figure_makes_its_point_at_a_glance(site_dir: Path) -> None:
    """The threads' interaction fills the figure (the main thread's start-up and the endless
    wait are squeezed), and beside each deadlocked thread, what it holds and waits for."""
    figure = the_figure(site_dir, *KEY_FIGURES["deadlock"])
    for svg in (figure.svg, figure.narrow):
        width = float(svg.get("viewBox").split()[2])
        xs = []
        for lane in svg.iter(f"{SVG}g"):
            if "tl-lane--deadlocked" in _classes(lane):
                for mark in lane.iter():
                    if "tl-start" in _classes(mark):
                        xs.append(float(mark.get("cx")))
                    if "tl-band" in _classes(mark):
                        xs.append(float(mark.get("x")))
        share = (max(xs) - min(xs)) / width
        assert share >= 0.25, f"{svg.get('data-layout')}: the interaction takes {share:.0%}"
        holds = sorted(
            "".join(t.itertext())
            for t in svg.iter(f"{SVG}text")
            if "tl-holds" in _classes(t) and "".join(t.itertext()).startswith("holds")
        )
        assert [h.split(",")[0] for h in holds] == ["holds locks['X']", "holds locks['Y']"]


def test_producer_consumer_figure_shows_queue_waits(site_dir: Path) -> None:
    figure = the_figure(site_dir, *KEY_FIGURES["producer-consumer"])
    names = figure.names()
    assert {"MainThread", "consumer-0", "consumer-1", "consumer-2"} == set(names), names
    producer = next(lane for lane in figure.lanes() if _name(lane) == "MainThread")
    assert _waits(producer, "queue"), "the producer never waited on the full queue"


def test_gather_figure_has_one_lane_per_task(site_dir: Path) -> None:
    figure = the_figure(site_dir, *KEY_FIGURES["gather"])
    tasks = [lane for lane in figure.lanes() if lane.get("data-kind") == "task"]
    assert len(tasks) == 4, figure.names()  # main, and one per gathered download
    sleeping = [lane for lane in tasks if _waits(lane, "sleep")]
    assert len(sleeping) == 4, figure.names(sleeping)
