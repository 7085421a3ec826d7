"""Page breaks as a printed book has them: a code block's title stays with its code (no
page that ends with a title whose code is overleaf, no page holding only a title), and a
figure (a diagram, a timeline) or a short table is never cut in two."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from guide.hooks import timelines

from . import guide, pdftags
from .conftest import BOTTOM_MARGIN
from .guide import squash

# A table of up to this many rows fits on a page (the longest of the guide, 12 rows, takes
# about three quarters of one): printed on one page.
FEW_ROWS = 12


@pytest.fixture(scope="module")
def code_titles(site_dir: Path) -> set[str]:
    """The titles over code blocks on the print page: an example's file name, "Output ·
    CPython 3.x", a titled fence (without whitespace, as the PDF's text is compared)."""
    text = (site_dir / "print_page" / "index.html").read_text(encoding="utf-8")
    titles = re.findall(r'<span class="filename">(.*?)</span>', text, re.DOTALL)
    return {squash(guide.plain(title)) for title in titles}


def test_code_blocks_have_titles(code_titles: set[str]) -> None:
    # Every example is titled with its file: if the titles could not be found, the test
    # below would look for nothing.
    names = {squash(example.name) for example in guide.examples_shown()}
    assert names and names <= code_titles, sorted(names - code_titles)[:10]


def test_no_page_ends_with_a_code_title(pages, code_titles: set[str]) -> None:
    alone, ending = [], []
    for page in pages:
        lines = [squash("".join(c.text for c in line)) for line in page.lines(BOTTOM_MARGIN)]
        lines = [line for line in lines if line]
        if lines and lines[-1] in code_titles:
            title = html.unescape(lines[-1])
            if len(lines) == 1:
                alone.append(f"page {page.number}: {title}")
            else:
                ending.append(f"page {page.number}: {title}")
    assert not alone and not ending, (
        f"{len(alone)} pages hold only a code block's title, its code on the next page: "
        f"{alone[:12]}; {len(ending)} more end with a title whose code is overleaf: "
        f"{ending[:12]}"
    )


@pytest.fixture(scope="module")
def tagged(pdf_path: Path) -> list[pdftags.Element]:
    return pdftags.elements(pdf_path, {"Figure", "Table"})


def test_every_diagram_and_timeline_is_a_figure(tagged) -> None:
    # Chromium tags a <figure> (a timeline) and an element with role="figure" (a diagram:
    # pdf/prepare.js marks them) as /Figure: the check below looks at each of them.
    diagrams = len(guide.diagrams())
    timeline_figures = sum(
        len(timelines.TIMELINE.findall(text)) for _, text in guide.page_sources()
    )
    figures = [element for element in tagged if element.kind == "Figure" and element.pages]
    assert diagrams and timeline_figures
    assert len(figures) >= diagrams + timeline_figures, (
        f"{len(figures)} figures in the PDF's structure for {diagrams} diagrams and "
        f"{timeline_figures} timelines: are the diagrams marked as figures?"
    )


def test_no_figure_is_split_across_pages(tagged) -> None:
    split = [
        f"figure {index} ({element.alt or 'no alt'}) on pages {sorted(element.pages)}"
        for index, element in enumerate(e for e in tagged if e.kind == "Figure")
        if len(element.pages) > 1
    ]
    assert not split, f"figures cut by a page break: {split}"


def test_no_short_table_is_split_across_pages(tagged) -> None:
    tables = [element for element in tagged if element.kind == "Table"]
    assert tables and all(table.rows for table in tables), "no tables, or tables without rows"
    split = [
        f"a table of {table.rows} rows on pages {sorted(table.pages)}"
        for table in tables
        if table.rows <= FEW_ROWS and len(table.pages) > 1
    ]
    assert not split, f"short tables cut by a page break: {split}"
