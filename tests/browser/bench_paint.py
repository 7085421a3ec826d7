"""How fast a page with a diagram paints next to pages without one (`nox -s bench`): prints
figures, asserts nothing.

    python -m tests.browser.bench_paint [--site-dir site] [--repeat 7]

(f) DOMContentLoaded and first contentful paint of a page with a mermaid diagram in its
    first screen (the worst case: the renderer is wanted at once) and, for comparison, of
    the home page and a page of text and examples without a diagram; the runs alternate
    between the pages, each in a fresh browser context (empty cache); the best of each.
    Also when the diagram is drawn (the renderer, 5.5 MB, loaded after the page).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

from guide import paths

from .bench import launch
from .server import SiteServer

DIAGRAM_PAGE = "foundations/concurrency-and-parallelism/"
PLAIN_PAGES = ("", "threads/debugging-and-benchmarking/")
TIMES = """() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return [nav.domContentLoadedEventEnd, paint ? paint.startTime : null];
}"""
DRAWN = "() => document.querySelector('div.mermaid') && !document.querySelector('pre.mermaid')"


def one_load(browser, url: str, diagram: bool) -> tuple[float, float, float | None]:
    """DOMContentLoaded, first contentful paint and (with a diagram) when it was drawn, in ms
    from the start of the navigation."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(url, wait_until="load")
    drawn = None
    if diagram:
        page.wait_for_function(DRAWN, timeout=60_000)
        drawn = page.evaluate("performance.now()")
    page.wait_for_function(
        "performance.getEntriesByName('first-contentful-paint').length > 0", timeout=10_000
    )
    loaded, painted = page.evaluate(TIMES)
    context.close()
    return loaded, painted, drawn


def paint_report(browser, base_url: str, repeat: int) -> list[str]:
    """The lines (f) prints."""
    pages = [(DIAGRAM_PAGE, True)] + [(path, False) for path in PLAIN_PAGES]
    runs: dict[str, list[tuple]] = {path: [] for path, _ in pages}
    for round_ in range(repeat):
        for path, diagram in pages if round_ % 2 == 0 else pages[::-1]:
            runs[path].append(one_load(browser, base_url + path, diagram))
    lines = [f"(f) diagram page vs pages without: best of {repeat} fresh loads each, alternating"]
    for path, diagram in pages:
        loaded = min(r[0] for r in runs[path])
        painted = min(r[1] for r in runs[path])
        line = f"    /{path:40} DOMContentLoaded {loaded:6.0f} ms, first paint {painted:6.0f} ms"
        if diagram:
            line += f", diagram drawn {min(r[2] for r in runs[path]):6.0f} ms"
        lines.append(line)
        lines.append("      DOMContentLoaded: " + ", ".join(f"{r[0]:.0f}" for r in runs[path]))
    diagram_dcl = min(r[0] for r in runs[DIAGRAM_PAGE])
    for path in PLAIN_PAGES:
        plain_dcl = min(r[0] for r in runs[path])
        lines.append(
            f"    DOMContentLoaded, diagram page / /{path}: {diagram_dcl / plain_dcl:.2f} x"
        )
    lines.append(
        "    goal: the diagram page as fast as the page of text and examples (about 1 x);"
        " the home page is lighter"
    )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=paths.site_dir())
    parser.add_argument("--repeat", type=int, default=7)
    options = parser.parse_args()
    with SiteServer(options.site_dir, headers=True) as server, sync_playwright() as playwright:
        browser = launch(playwright)
        print("\n".join(paint_report(browser, server.url, options.repeat)))
        browser.close()


if __name__ == "__main__":
    main()
