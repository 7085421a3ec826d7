"""Timeline figures (guide/hooks/timelines.py) as the built site shows them: drawn from the
recording of a real CPython run that `nox -s record` keeps beside each snippet
(guide.cpython_timeline.figures), each after the example it pictures, with the lanes its
story needs. The recorder itself, and what each recording must show on every CPython, are
tested with the snippets (tests/snippets/test_timelines.py)."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

from guide import snippet_metadata
from guide import timeline as guide_timeline
from guide.cpython_timeline import figures as recorded_figures
from guide.hooks import timelines

from .pages import DOCS, markdown_pages

SVG = "{http://www.w3.org/2000/svg}"


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
    # the interpreter that recorded what the figure draws, not the one that built the site
    kept = recorded_figures.read(snippet_metadata.find(snippet))
    assert version[0] == kept["python"], (figure.caption, kept["python"])
    assert f"Recorded from a real run of {snippet} on {kept['python']}." in figure.caption
    assert "when this site was built" not in figure.caption
    assert "differs from run to run" in figure.caption


@pytest.mark.parametrize(
    ("url", "snippet"), timeline_blocks(), ids=[s for _, s in timeline_blocks()]
)
def test_figure_is_drawn_from_its_kept_recording(site_dir: Path, url: str, snippet: str) -> None:
    """The build draws what `nox -s record` kept, and nothing else: the same SVGs."""
    kept = recorded_figures.read(snippet_metadata.find(snippet))
    text = (site_dir / url / "index.html").read_text(encoding="utf-8")
    found = re.search(
        rf'<figure class="guide-timeline" data-snippet="{re.escape(snippet)}">\s*'
        r'<div class="tl-scroll">(.*?)</div>\s*<figcaption>',
        text,
        re.DOTALL,
    )
    assert found, f"{url}: no timeline figure of {snippet}"
    assert found[1] == "".join(guide_timeline.render_svgs(kept["recording"])), (
        f"{url}: the figure of {snippet} is not the drawing of its kept recording"
    )


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
