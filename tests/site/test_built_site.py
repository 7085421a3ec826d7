"""The built site: its sections, its examples, and that it needs no other host."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from guide import snippet_metadata

from .pages import DOCS, example_names, markdown_pages

SECTIONS = ["Foundations", "Threads", "Processes", "Asynchronous I/O", "Problems", "Advanced"]
EXTERNAL = re.compile(r"^(https?:)?//", re.IGNORECASE)


class ResourceCollector(HTMLParser):
    """Every URL a page would fetch by itself (not links a reader may follow)."""

    FETCHED = {
        "script": ["src"],
        "img": ["src", "srcset"],
        "iframe": ["src"],
        "source": ["src", "srcset"],
        "video": ["src", "poster"],
        "audio": ["src"],
        "embed": ["src"],
        "object": ["data"],
    }

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        names = list(self.FETCHED.get(tag, []))
        if tag == "link" and values.get("rel") not in {"canonical", "alternate", "prev", "next"}:
            names.append("href")
        self.urls += [values[n] for n in names if values.get(n)]


def test_nav_has_the_six_sections(site_dir: Path) -> None:
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    tabs = re.findall(r'class="md-tabs__link[^"]*"[^>]*>\s*([^<]+?)\s*<', home)
    assert [html.unescape(t) for t in tabs] == ["Home", *SECTIONS]


def test_pages_fetch_nothing_from_other_hosts(site_dir: Path) -> None:
    offenders = []
    for path in site_dir.rglob("*.html"):
        collector = ResourceCollector()
        collector.feed(path.read_text(encoding="utf-8"))
        offenders += [f"{path.relative_to(site_dir)}: {u}" for u in collector.urls if EXTERNAL.match(u)]
    assert not offenders, "\n".join(offenders[:20])


def test_stylesheets_fetch_nothing_from_other_hosts(site_dir: Path) -> None:
    remote = re.compile(r"(@import|url\()\s*['\"]?(https?:)?//", re.IGNORECASE)
    offenders = [
        str(p.relative_to(site_dir))
        for p in site_dir.rglob("*.css")
        if remote.search(p.read_text(encoding="utf-8", errors="replace"))
    ]
    assert not offenders


def test_no_google_fonts(site_dir: Path) -> None:
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in home and "fonts.gstatic" not in home


def test_mermaid_is_served_by_the_site_on_pages_with_diagrams_only(site_dir: Path) -> None:
    # Material fetches mermaid from a CDN unless window.mermaid already exists: the stand-in
    # (lazy-mermaid.js) loads the site's copy, data-renderer, when a diagram nears the viewport.
    script = re.compile(r'<script src="([^"]*lazy-mermaid\.js)" data-renderer="([^"]*\.js)"')
    with_diagrams = without = 0
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        src = script.search(text)
        if 'class="mermaid"' in text:
            with_diagrams += 1
            assert src, f"{page.relative_to(site_dir)} has a diagram but no mermaid script"
            assert (page.parent / src[1]).resolve().exists()
            assert (page.parent / src[2]).resolve().name == "mermaid.min.js"
            assert (page.parent / src[2]).resolve().exists()
        else:
            without += 1
            assert not src, f"{page.relative_to(site_dir)} loads mermaid without a diagram"
    assert with_diagrams and without, (with_diagrams, without)


def _rendered(site_dir: Path, page: Path) -> str:
    relative = page.relative_to(DOCS).with_suffix("")
    target = relative.parent if relative.name == "index" else relative
    return (site_dir / target / "index.html").read_text(encoding="utf-8")


def _plain(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


PAGES_WITH_EXAMPLES = [p for p in markdown_pages() if example_names(p)]


@pytest.mark.parametrize("page", PAGES_WITH_EXAMPLES, ids=lambda p: str(p.relative_to(DOCS)))
def test_examples_show_their_recorded_output(site_dir: Path, page: Path) -> None:
    rendered = _rendered(site_dir, page)
    for name in example_names(page):
        snippet = snippet_metadata.find(name)
        block = re.search(
            rf'<div class="guide-example"[^>]*data-snippet="{re.escape(name)}".*?(?=<div class="guide-example"|</article>)',
            rendered,
            re.DOTALL,
        )
        assert block, f"{name}: no rendered example"
        text = _plain(block[0])
        if snippet.output_path.exists():
            output = snippet.output_path.read_text(encoding="utf-8")
            assert output.strip() in text, f"{name}: the recorded output is not shown"
            assert re.search(r"Output.*· CPython 3\.\d+\.\d+", text), f"{name}: no version label"
        if snippet.varies:
            assert "Varies between runs" in text, f"{name}: the page does not say what varies"
        if snippet.requires_python:
            assert "Python ≥ {}.{}".format(*snippet.requires_python) in text
        assert "# /// script" not in text, f"{name}: the metadata block is shown"
