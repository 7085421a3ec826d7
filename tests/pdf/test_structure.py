"""The PDF as a book: cover, contents with page numbers, outline, page numbers, size; and
the site's link to it."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

import pypdf
import pytest

from guide import snippet_metadata

from . import guide
from .conftest import BOTTOM_MARGIN, PDF_NAME
from .guide import squash

SITE_NAME = "Concurrent Python"


@dataclass
class Entry:
    title: str
    page: int  # 1-based
    children: list[Entry] = field(default_factory=list)


def outline(reader: pypdf.PdfReader) -> list[Entry]:
    def walk(items) -> list[Entry]:
        entries: list[Entry] = []
        for item in items:
            if isinstance(item, list):
                entries[-1].children = walk(item)
            else:
                entries.append(Entry(item.title, reader.get_destination_page_number(item) + 1))
        return entries

    return walk(reader.outline)


def flatten(entries: list[Entry]) -> list[Entry]:
    return [e for entry in entries for e in (entry, *flatten(entry.children))]


def test_the_pdf_is_the_guide(reader: pypdf.PdfReader) -> None:
    assert reader.metadata.title == SITE_NAME
    assert reader.metadata.author, "no author in the document information"
    assert "/StructTreeRoot" in reader.trailer["/Root"], "not a tagged (accessible) PDF"
    sizes = {
        (round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages
    }
    assert sizes == {(595, 842)}, f"not all A4 portrait: {sizes}"


def test_cover_names_the_edition_and_the_tested_pythons(page_texts: list[str], pages) -> None:
    cover = page_texts[0]
    versions = list(snippet_metadata.TESTED_PYTHONS)
    tested = "CPython " + ", ".join(versions[:-1]) + " and " + versions[-1]
    assert squash(SITE_NAME) in cover
    assert squash(tested) in cover, f"the cover does not say {tested!r}"
    assert re.search(r"Edition\d{1,2}[A-Z][a-z]+\d{4}", cover), "the cover has no edition date"
    for recorder in {r["python"] for r in snippet_metadata.recordings().values()}:
        assert squash(recorder) in cover, (
            f"the cover does not name {recorder}, which recorded outputs"
        )
    assert not pages[0].footer(BOTTOM_MARGIN).strip(), "the cover has a page number"


def test_every_other_page_is_numbered(pages) -> None:
    total = len(pages)
    wrong = [
        page.number
        for page in pages[1:]
        if not squash(page.footer(BOTTOM_MARGIN)).endswith(f"{page.number}/{total}")
    ]
    assert not wrong, f"pages without 'N / {total}' at the foot: {wrong[:20]}"


def nav_in_outline(reader, site_dir: Path) -> list[tuple[str, str, int]]:
    """(contents label, where, first page) for each section and page of the nav, in nav order,
    matched with the outline (and failing when the outline does not match the nav). A section's
    index page with the section's title is the section's own entry: it is not listed apart."""
    entries = outline(reader)
    assert entries and entries[0].title == "Contents", "the outline does not open on Contents"
    top = entries[1:]
    expected = guide.nav()
    assert [squash(e.title) for e in top] == [
        squash(item.title if isinstance(item, guide.Section) else item.title(site_dir))
        for item in expected
    ], "the outline's top level is not the nav's"
    found = []
    for entry, item in zip(top, expected, strict=True):
        if isinstance(item, guide.Page):
            found.append((item.nav_title or entry.title, item.source, entry.page))
            continue
        found.append((item.title, f"section {item.title}", entry.page))
        children = [squash(child.title) for child in entry.children]
        for page in item.pages:
            title = squash(page.title(site_dir))
            if title == squash(item.title):
                continue
            assert title in children, (
                f"{page.source}: {page.title(site_dir)!r} not under {item.title!r}"
            )
            child = entry.children[children.index(title)]
            found.append((page.nav_title or child.title, page.source, child.page))
    return found


def test_outline_has_every_section_and_page_in_nav_order(reader, site_dir: Path) -> None:
    starts = [start for _, _, start in nav_in_outline(reader, site_dir)]
    assert len(starts) >= len(guide.all_pages())
    assert starts == sorted(starts), "the pages are not in nav order"
    sections = {item.title for item in guide.nav() if isinstance(item, guide.Section)}
    folders = {p.parent.name for p in guide.DOCS.glob("*/*.md")}
    assert len(sections) == len(folders), (
        f"sections {sorted(sections)} for folders {sorted(folders)}"
    )


def test_outline_entries_point_at_their_page(reader, page_texts: list[str]) -> None:
    wrong = [
        f"{entry.title!r} -> page {entry.page}"
        for entry in flatten(outline(reader))
        if squash(entry.title) not in page_texts[entry.page - 1]
    ]
    assert not wrong, "outline entries pointing elsewhere: " + ", ".join(wrong[:10])


def _contents(reader: pypdf.PdfReader) -> tuple[int, int]:
    """The PDF pages of the contents, as a range of 0-based indexes: from the outline's
    Contents entry to the page before the guide's first page."""
    entries = outline(reader)
    assert entries[0].title == "Contents" and len(entries) > 1
    return entries[0].page - 1, entries[1].page - 1


def test_contents_give_the_page_where_each_part_starts(reader, pages, site_dir) -> None:
    first, last = _contents(reader)
    runs = [squash(text) for page in pages[first:last] for text, _ in page.runs()]
    entries = set(itertools.pairwise(runs))  # (title, page number) side by side on a line
    missing = [
        f"{label} (page {start})"
        for label, _, start in nav_in_outline(reader, site_dir)
        if (squash(label), str(start)) not in entries
    ]
    assert not missing, "not in the contents with its page number: " + ", ".join(missing)


def test_contents_entries_are_links_into_the_pdf(reader: pypdf.PdfReader) -> None:
    first, last = _contents(reader)
    names = {name.removeprefix("/") for name in reader.named_destinations}
    links = [
        annotation.get_object()
        for page in reader.pages[first:last]
        for annotation in page.get("/Annots", [])
        if annotation.get_object().get("/Subtype") == "/Link"
    ]
    targets = [str(a["/Dest"]).removeprefix("/") for a in links if "/Dest" in a]
    assert len(targets) >= len(guide.all_pages()), "the contents do not link to every page"
    dangling = [t for t in targets if t not in names]
    assert not dangling, f"links to nowhere: {dangling[:10]}"


def _article_text(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    start = text.find('<article class="md-content__inner')
    end = text.find("</article>", start)
    return guide.plain(text[start:end])


def test_page_count_fits_the_size_of_the_site(reader, site_dir: Path) -> None:
    pages = guide.all_pages()
    sections = [i for i in guide.nav() if isinstance(i, guide.Section)]
    characters = sum(len(squash(_article_text(p.built(site_dir)))) for p in pages)
    # Each page of the site starts a new sheet. A sheet of prose holds about 4,000 characters
    # besides spaces, never 6,000 at the size the print CSS sets; code, diagrams and breaks
    # kept out of blocks leave sheets less full, on average not under 1,200.
    least = 2 + len(pages) + characters // 6000
    most = 4 + len(pages) + len(sections) + characters // 1200
    assert least <= len(reader.pages) <= most, (
        f"{len(reader.pages)} PDF pages for {len(pages)} site pages of {characters} characters "
        f"(expected {least} to {most})"
    )


@pytest.mark.parametrize("page", guide.all_pages(), ids=lambda p: p.source)
def test_site_page_links_to_the_pdf(site_dir: Path, page: guide.Page) -> None:
    text = page.built(site_dir).read_text(encoding="utf-8")
    link = re.search(r'<a class="guide-pdf__link" href="([^"]+)"[^>]*>(.*?)</a>', text, re.DOTALL)
    assert link, f"{page.source}: no Download PDF link"
    href = link[1]
    assert "Download PDF" in guide.plain(link[2])
    assert not re.match(r"^([a-z]+:|/)", href), f"{href}: not a relative link (offline copies)"
    target = urljoin(f"http://site/{page.url}", href).removeprefix("http://site/")
    assert target == PDF_NAME and (site_dir / target).is_file()
