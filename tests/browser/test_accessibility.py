"""axe-core finds no serious or critical violation on any page of the built site, in the
light and the dark scheme, nor on a page after an example ran (its output, its timeline).

Every rule runs on every page in the light scheme; then the page switches to the dark
scheme (the system preference changes: Material follows it and sets one attribute on
<body>, the HTML is the same) and the rules that look at colours run again. One tab scans
page after page (two tabs, or two contexts, side by side took as long on this machine);
axe-core is loaded by URL, so the browser compiles it once. The failure lists every
violation, by page and scheme.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .axe import AxeServer, add_axe, describe
from .contrast import contrast
from .driver import BlockDriver
from .pages import page_url, runnable_blocks

SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme -> Material's scheme
# axe-core's rules that depend on colours (the rest see the same HTML in both schemes);
# color-contrast-enhanced is AAA, off by default
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
# Material animates colours (125 ms) and the tabs' opacity: axe-core must see where they
# end, not a frame on the way there when the scheme has just changed.
NO_TRANSITIONS = """
    const style = document.createElement("style");
    style.textContent = "*, *::before, *::after " +
        "{ transition: none !important; animation: none !important }";
    document.documentElement.append(style);
"""
SCAN = """(rules) => {
    const options = {resultTypes: ['violations']};
    if (rules) options.runOnly = {type: 'rule', values: rules};
    return axe.run(document, options).then(r => r.violations);
}"""
# The focus ring (Material's accent colour, the outline of every focused control) where it
# is drawn: [what, element, the property that holds its colour]
FOCUS_RINGS = [
    ("a link in the text", ".md-content p a[href]", "--md-accent-fg-color"),
    ("a header tab", ".md-tabs__link", "outline-color"),
    ("the header's buttons", ".md-header__button", "--md-accent-fg-color"),
    ("a runner button, focused", ".guide-runner__reset", "outline-color"),
]
RING = r"""([selector, property]) => {
    const el = document.querySelector(selector);
    if (property === 'outline-color') el.focus();  // the runner's ring is :focus-visible
    const style = getComputedStyle(el);
    const colour = property.startsWith('--') ? style.getPropertyValue(property).trim() : style.outlineColor;
    let node = el, background = 'rgba(0, 0, 0, 0)';
    while (node && /rgba\(.*, 0\)$/.test(background)) {
        background = getComputedStyle(node).backgroundColor;
        node = node.parentElement;
    }
    const probe = document.createElement('span');  // a colour as the browser computes it
    probe.style.color = colour;
    document.body.append(probe);
    const computed = getComputedStyle(probe).color;
    probe.remove();
    return [computed, background];
}"""
# A run whose output has a traceback, a note and a timeline with marks: the threads
# deadlock (problems/deadlock/).
AFTER_A_RUN = "problems/deadlock_forever.py"


def site_pages(site_dir: Path) -> list[str]:
    """Every HTML page of the built site (URL paths), the 404 page included."""
    pages = [
        page_url(site_dir, path)
        for path in sorted(site_dir.rglob("*.html"))
        # print_page/ (a PDF build only) is every page again, made to be printed
        if path.relative_to(site_dir).parts[0] not in {"assets", "print_page"}
    ]
    assert len(pages) > 20, pages
    return pages


@pytest.fixture(scope="module")
def axe_url():
    with AxeServer() as axe:
        yield axe.url


def scan(page, scheme: str, axe_url: str) -> list[dict]:
    """Show the page in `scheme` (Material follows the system's preference) and run axe-core
    on it: every rule in the light scheme, the colour rules in the dark one."""
    page.emulate_media(color_scheme=scheme)
    page.wait_for_function("s => document.body.dataset.mdColorScheme === s", arg=SCHEMES[scheme])
    add_axe(page, axe_url)
    return page.evaluate(SCAN, None if scheme == "light" else COLOUR_RULES)


# Every page, twice: about 2 minutes on a quiet machine, far more on a busy one; the
# suite's 300 s bound would fail a run that only waited for the machine.
@pytest.mark.timeout(1200)
def test_no_page_has_serious_or_critical_violations_in_either_scheme(
    browser, server, site_dir, axe_url
) -> None:
    context = browser.new_context(color_scheme="light")
    context.add_init_script(NO_TRANSITIONS)
    page = context.new_page()
    found: list[str] = []
    try:
        for path in site_pages(site_dir):
            page.emulate_media(color_scheme="light")
            page.goto(server.url + path, wait_until="load")
            for scheme in SCHEMES:
                found += describe(scan(page, scheme, axe_url), f"{scheme} /{path}")
    finally:
        context.close()
    assert not found, f"{len(found)} serious or critical violations:\n" + "\n".join(found)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_page_after_a_run_has_no_serious_or_critical_violations(
    browser, server, site_dir, axe_url, scheme
) -> None:
    block = next((b for b in runnable_blocks(site_dir) if b.snippet == AFTER_A_RUN), None)
    assert block, f"{AFTER_A_RUN} is no longer a runnable block"
    context = browser.new_context(color_scheme=scheme)
    context.add_init_script(NO_TRANSITIONS)
    try:
        page = context.new_page()
        page.goto(server.url + block.page)
        driver = BlockDriver(page, block.index)
        assert driver.run(timeout=90) == "deadlocked", driver.output
        timeline = driver.root.locator("details.guide-runner__timeline")
        timeline.locator("summary").click()
        timeline.locator("svg.tl:visible").wait_for()
        add_axe(page, axe_url)
        found = describe(page.evaluate(SCAN, None), f"{scheme} /{block.page}")
    finally:
        context.close()
    assert not found, "\n".join(found)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_focus_ring_stands_out_from_what_is_behind_it(
    browser, server, site_dir, scheme
) -> None:
    """WCAG 2.2 non-text contrast: 3:1 (Material's amber was 1.9:1 on white)."""
    block = next(b for b in runnable_blocks(site_dir) if b.snippet == AFTER_A_RUN)
    context = browser.new_context(color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(server.url + block.page)
        BlockDriver(page, block.index)  # the runner's buttons are there
        low = []
        for what, selector, prop in FOCUS_RINGS:
            ring, background = page.evaluate(RING, [selector, prop])
            ratio = contrast(ring, background)
            if ratio < 3:
                low.append(f"{scheme}: {what}: {ring} on {background}, {ratio:.2f}:1")
    finally:
        context.close()
    assert not low, "\n".join(low)
