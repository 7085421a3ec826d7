"""Mermaid diagrams render from the copy of mermaid the site serves, and only pages with a
diagram load it."""

from __future__ import annotations

from pathlib import Path

from .conftest import OutsideRequests

MERMAID = "/assets/vendor/mermaid/mermaid.min.js"


def _first_page_with_a_diagram(site_dir: Path) -> str:
    for page in sorted(site_dir.rglob("*.html")):
        if 'class="mermaid"' in page.read_text(encoding="utf-8"):
            return "/" + page.relative_to(site_dir).parent.as_posix() + "/"
    raise AssertionError("no page of the site has a mermaid diagram")


def test_a_diagram_renders_offline(browser, server, site_dir) -> None:
    context = browser.new_context()
    outside = OutsideRequests()
    outside.watch(context)
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(server.url + _first_page_with_a_diagram(site_dir))
    # Material replaces each <pre class="mermaid"> by a rendered <div class="mermaid">.
    page.wait_for_function(
        "() => window.mermaid && document.querySelector('div.mermaid') "
        "&& !document.querySelector('pre.mermaid')",
        timeout=30_000,
    )
    assert any(url.endswith(MERMAID) for url in fetched)
    assert not outside, f"requests left 127.0.0.1: {outside}"
    context.close()


def test_a_page_without_diagrams_does_not_load_mermaid(browser, server) -> None:
    context = browser.new_context()
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(server.url + "/", wait_until="networkidle")
    assert page.evaluate("typeof window.mermaid") == "undefined"
    assert not [url for url in fetched if "mermaid" in url]
    context.close()
