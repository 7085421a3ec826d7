"""Mermaid diagrams render from the copy of mermaid the site serves; only pages with a
diagram can load it, and only once a diagram nears the viewport (theme/assets/
lazy-mermaid.js), so it never delays the page; the gantt chart reads in both schemes."""

from __future__ import annotations

import re
from pathlib import Path

from .conftest import OutsideRequests
from .contrast import contrast

MERMAID = "/assets/vendor/mermaid/mermaid.min.js"
GANTT_PAGE = "foundations/concurrency-and-parallelism/"
DRAWN = (
    "() => document.querySelectorAll('div.mermaid').length > 0 "
    "&& !document.querySelector('pre.mermaid')"
)
# Material draws each diagram into a closed shadow root; the gantt test opens them to read
# the SVG (test-only: the page is otherwise the same).
OPEN_SHADOW_ROOTS = """
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
        return attach.call(this, { ...init, mode: "open" });
    };
"""
GANTT_TEXTS = """() => {
    const svg = document.querySelector('div.mermaid').shadowRoot.querySelector('svg');
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return [...svg.querySelectorAll('text')].filter(t => t.textContent.trim()).map(t => {
        const style = getComputedStyle(t);
        return [t.textContent.trim(), parseFloat(style.fontSize) * scale, style.fill];
    });
}"""


def pages_with_a_diagram(site_dir: Path) -> list[str]:
    return [
        "/" + page.relative_to(site_dir).parent.as_posix() + "/"
        for page in sorted(site_dir.rglob("*.html"))
        if 'class="mermaid"' in page.read_text(encoding="utf-8")
    ]


def requests_of(page) -> list[str]:
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    return fetched


def test_a_diagram_renders_offline(browser, server, site_dir) -> None:
    context = browser.new_context()
    outside = OutsideRequests()
    outside.watch(context)
    page = context.new_page()
    fetched = requests_of(page)
    page.goto(server.url + pages_with_a_diagram(site_dir)[0].lstrip("/"))
    page.evaluate("document.querySelector('.mermaid').scrollIntoView()")  # drawn or not
    # Material replaces each <pre class="mermaid"> by a rendered <div class="mermaid">.
    page.wait_for_function(DRAWN, timeout=30_000)
    assert any(url.endswith(MERMAID) for url in fetched)
    assert not outside, f"requests left 127.0.0.1: {outside}"
    context.close()


def test_mermaid_waits_until_a_diagram_nears_the_viewport(browser, server, site_dir) -> None:
    """A page whose first diagram is more than a screen below does not fetch mermaid while
    it loads; scrolling towards the diagram fetches it and draws the diagram."""
    context = browser.new_context(viewport={"width": 1280, "height": 600})
    page = context.new_page()
    fetched = requests_of(page)
    for path in pages_with_a_diagram(site_dir):
        fetched.clear()
        page.goto(server.url + path.lstrip("/"), wait_until="load")
        top = page.evaluate("document.querySelector('.mermaid').getBoundingClientRect().top")
        if top > 3 * 600:
            break
    else:
        raise AssertionError("no page has its first diagram three screens below the top")
    page.wait_for_timeout(1000)  # the page settles: nothing fetches the renderer
    assert not [url for url in fetched if url.endswith(MERMAID)], path
    assert page.evaluate("typeof window.mermaid.render") == "function"  # the stand-in
    assert page.locator("pre.mermaid.guide-diagram--pending").count() >= 1
    page.locator("pre.mermaid").first.scroll_into_view_if_needed()
    page.wait_for_function("() => document.querySelector('div.mermaid') !== null", timeout=30_000)
    assert [url for url in fetched if url.endswith(MERMAID)] == [server.url + MERMAID[1:]]
    context.close()


def test_a_page_without_diagrams_does_not_load_mermaid(browser, server) -> None:
    context = browser.new_context()
    page = context.new_page()
    fetched = requests_of(page)
    page.goto(server.url, wait_until="networkidle")
    assert page.evaluate("typeof window.mermaid") == "undefined"
    assert not [url for url in fetched if "mermaid" in url]
    context.close()


def test_draw_all_draws_every_diagram_of_a_page(browser, server, site_dir) -> None:
    """What printing a page does (and what the print page does at once)."""
    path = next(p for p in pages_with_a_diagram(site_dir) if p == "/problems/deadlock/")
    context = browser.new_context()
    page = context.new_page()
    page.goto(server.url + path.lstrip("/"))
    assert page.locator("pre.mermaid").count() == 2
    assert page.evaluate("window.guideDiagrams.drawAll()") == 2
    page.wait_for_function(DRAWN, timeout=30_000)
    assert page.locator("div.mermaid").count() == 2
    context.close()


def test_the_print_page_draws_its_diagrams_at_once(site_dir) -> None:
    """The print page (built with the PDF) asks for every diagram without waiting."""
    page = site_dir / "print_page" / "index.html"
    script = re.compile(r'<script src="[^"]*lazy-mermaid\.js"[^>]*>')
    for path in sorted(site_dir.rglob("index.html")):
        tag = script.search(path.read_text(encoding="utf-8"))
        if tag:
            assert ("data-eager" in tag[0]) == (path == page), path


def test_the_gantt_chart_reads_in_both_schemes_on_desktop_and_phone(browser, server) -> None:
    for scheme, width, smallest in (("light", 1280, 12), ("dark", 1280, 12), ("dark", 390, 9)):
        context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 800})
        context.add_init_script(OPEN_SHADOW_ROOTS)
        page = context.new_page()
        page.goto(server.url + GANTT_PAGE)
        page.evaluate("window.guideDiagrams.drawAll()")
        page.wait_for_function(DRAWN, timeout=30_000)
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        texts = page.evaluate(GANTT_TEXTS)
        context.close()
        labels = [text for text, _, _ in texts]
        assert "0 ms" in labels and "000 ms" not in labels, labels
        for text, size, fill in texts:
            where = f"{scheme} at {width} px: {text!r}"
            assert size >= smallest, f"{where} is drawn {size:.1f} px high"
            assert contrast(fill, background) >= 4.5, f"{where}: {fill} on {background}"
