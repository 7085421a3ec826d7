"""The timeline figures (`/// timeline` blocks, drawn from the CPython runs `nox -s record`
keeps) are in the PDF: each one's caption, and the name of each of its lanes, on the pages
of the guide page that shows it."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from guide.hooks import timelines

from . import guide
from .conftest import BOTTOM_MARGIN
from .guide import squash
from .test_structure import nav_in_outline

SVG = "{http://www.w3.org/2000/svg}"
FIGURES = [
    (page, match["name"])
    for page, text in guide.page_sources()
    for match in timelines.TIMELINE.finditer(text)
]


def test_the_guide_has_timeline_figures() -> None:
    # the four key demos: the race, the deadlock, producer/consumer, gather vs sequential
    assert len(FIGURES) >= 4, FIGURES


def built_figure(site_dir: Path, page: guide.Page, snippet: str) -> tuple[str, list[str]]:
    """(the caption's text, the lanes' names) of the page's figure of `snippet`."""
    text = page.built(site_dir).read_text(encoding="utf-8")
    figure = re.search(
        rf'<figure class="guide-timeline" data-snippet="{re.escape(snippet)}">(.*?)</figure>',
        text,
        re.DOTALL,
    )
    assert figure, f"{page.source}: no timeline figure of {snippet} on the site"
    caption = re.search(r"<figcaption>(.*?)</figcaption>", figure[1], re.DOTALL)
    svg = ET.fromstring(re.search(r"<svg\b.*?</svg>", figure[1], re.DOTALL)[0])
    names = [
        "".join(text.itertext())
        for text in svg.iter(f"{SVG}text")
        if "tl-name" in text.get("class", "").split()
    ]
    return html.unescape(re.sub(r"<[^>]+>", "", caption[1])), names


@pytest.fixture(scope="module")
def page_spans(reader, site_dir: Path) -> dict[str, range]:
    """For each guide page, the PDF pages (0-based) from its first to the next one's."""
    starts = nav_in_outline(reader, site_dir)
    spans = {}
    for index, (_, source, start) in enumerate(starts):
        end = starts[index + 1][2] if index + 1 < len(starts) else len(reader.pages) + 1
        spans[source] = range(start - 1, max(end, start + 1) - 1)
    return spans


@pytest.mark.parametrize(("page", "snippet"), FIGURES, ids=[f"{p.source}: {s}" for p, s in FIGURES])
def test_timeline_is_printed_on_its_page(
    page: guide.Page, snippet: str, site_dir: Path, page_spans, page_texts, pages
) -> None:
    caption, names = built_figure(site_dir, page, snippet)
    assert "CPython 3." in caption and names, (caption, names)
    span = page_spans[page.source]
    text = "".join(page_texts[n] for n in span)
    drawn = "".join(squash(pages[n].drawn_text(BOTTOM_MARGIN)) for n in span)
    assert squash(caption) in text, (
        f"{page.source}: the caption of the timeline of {snippet} is not on its pages "
        f"({span.start + 1}-{span.stop}): {caption!r}"
    )
    missing = [name for name in names if squash(name) not in drawn and squash(name) not in text]
    assert not missing, f"{page.source}: lanes of {snippet} not printed: {missing}"
