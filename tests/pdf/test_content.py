"""Everything the pages show is in the PDF: each example's code and recorded output (with
the interpreter that recorded it), the diagrams' labels, the content tabs, the admonitions,
the notebooks' figures."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pypdf
import pytest

from . import guide
from .guide import squash
from .test_structure import nav_in_outline

EXAMPLES = guide.examples_shown()
WITH_OUTPUT = [e for e in EXAMPLES if e.output is not None]


def test_the_pages_have_examples() -> None:
    # The tests below are generated from the pages: none at all would mean they looked nowhere.
    assert EXAMPLES and WITH_OUTPUT


@pytest.mark.parametrize("example", EXAMPLES, ids=str)
def test_example_code_is_printed_under_its_name(example: guide.Example, body_text: str) -> None:
    assert squash(example.code), f"{example}: nothing to look for"
    assert squash(example.name + example.code) in body_text, (
        f"{example}: the code (titled {example.name}) is not in the PDF, or not whole"
    )


@pytest.mark.parametrize("example", WITH_OUTPUT, ids=str)
def test_example_output_is_printed_with_its_interpreter(
    example: guide.Example, body_text: str
) -> None:
    assert "CPython" in example.output_title
    assert squash(example.output_title + example.output) in body_text, (
        f"{example}: the recorded output under {example.output_title!r} is not in the PDF"
    )


def _fits_on_a_page(text: str) -> bool:
    """Short enough for one page of the PDF, wrapped lines counted (about 58 fit)."""
    return sum(1 + len(line) // 90 for line in text.splitlines()) <= 45


@pytest.mark.parametrize("example", EXAMPLES, ids=str)
def test_example_blocks_are_not_split_when_they_fit_on_a_page(example, page_texts) -> None:
    blocks = [example.name + example.code]
    if example.output is not None:
        blocks.append(example.output_title + example.output)
    for block in blocks:
        if _fits_on_a_page(block):
            assert any(squash(block) in text for text in page_texts), (
                f"{example}: a block of {block.count(chr(10)) + 1} lines is split across pages"
            )


DIAGRAMS = guide.diagrams()


@pytest.mark.parametrize("diagram", DIAGRAMS, ids=lambda d: f"{d[0]}#{d[1]}")
def test_diagram_labels_are_printed(diagram, body_text: str, drawn_text: str) -> None:
    page, number, labels = diagram
    assert labels, f"{page}: diagram {number} has no label the test can read"
    missing = [
        label
        for label in labels
        if squash(label) not in drawn_text and squash(label) not in body_text
    ]
    assert not missing, f"{page}: diagram {number}: labels not in the PDF: {missing}"


def test_diagrams_are_drawn_not_listed(body_text: str) -> None:
    # A diagram that failed to render would print its source.
    for keyword in ("flowchart", "sequenceDiagram", "stateDiagram", "classDiagram", "gantt"):
        sources = sum(
            len(re.findall(rf"^\s*{keyword}\b", text, re.M)) for _, text in guide.page_sources()
        )
        prose = sum(text.count(keyword) for _, text in guide.page_sources()) - sources
        assert body_text.count(keyword) <= prose, f"the PDF shows {keyword} sources"


def _counted(items: list[tuple[str, str]]) -> Counter:
    return Counter(squash(title) for _, title in items)


@pytest.mark.parametrize(
    "kind, items",
    [("content tab", guide.tab_titles()), ("admonition", guide.admonition_titles())],
    ids=["content tabs", "admonitions"],
)
def test_every_tab_and_admonition_is_printed_with_its_title(kind, items, body_text) -> None:
    short = [
        f"{title} ({body_text.count(title)} of {n})"
        for title, n in _counted(items).items()
        if body_text.count(title) < n
    ]
    assert not short, f"{kind} titles missing from the PDF: {short}"


def _images_on(page: pypdf.PageObject) -> int:
    def count(resources) -> int:
        found = 0
        for xobject in (resources or {}).get("/XObject", {}).values():
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Image":
                found += 1
            elif xobject.get("/Subtype") == "/Form":
                found += count(xobject.get("/Resources"))
        return found

    return count(page.get("/Resources"))


NOTEBOOKS = [p for p in guide.all_pages() if not p.source.endswith(".md")]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.source)
def test_notebook_figures_are_printed(notebook: guide.Page, reader, site_dir: Path) -> None:
    html = notebook.built(site_dir).read_text(encoding="utf-8")
    article = html[html.find('<article class="md-content__inner') :]
    figures = len(re.findall(r'<img\b[^>]*src="data:image/', article))
    starts = [start for _, _, start in nav_in_outline(reader, site_dir)]
    sources = [source for _, source, _ in nav_in_outline(reader, site_dir)]
    index = sources.index(notebook.source)
    end = starts[index + 1] if index + 1 < len(starts) else len(reader.pages) + 1
    printed = sum(_images_on(reader.pages[n - 1]) for n in range(starts[index], end))
    assert printed >= figures, (
        f"{notebook.source}: {figures} figures on the site, {printed} in the PDF"
    )
