"""The home page as a reader meets it: its example shows a race and its fix, in the output
and on the timeline; its map of the six sections leads to each of them and stays readable
in light and dark, on a phone and in print."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from guide import snippet_metadata
from guide.checks import check_against_recording

from .driver import BlockDriver, normalise

DEMO = "problems/race_then_lock.py"
SECTIONS = {
    "foundations/": "Foundations",
    "threads/": "Threads",
    "processes/": "Processes",
    "asyncio/": "Asynchronous I/O",
    "problems/": "Problems",
    "advanced/": "Advanced",
}
# Per text and per shape of the map: its colour, the page's background, its box in the SVG.
MAP_PARTS = """() => {
    const background = getComputedStyle(document.body).backgroundColor;
    const part = (el, kind) => {
        const box = el.getBBox();
        const style = getComputedStyle(el);
        return {kind, text: el.textContent, background,
                colour: kind === "box" ? style.stroke : style.fill,
                visible: style.display !== "none" && style.visibility !== "hidden",
                x0: box.x, x1: box.x + box.width};
    };
    return [...document.querySelectorAll("figure.guide-map a")].map(a => ({
        href: a.getAttribute("href"),
        name: part(a.querySelector(".guide-map__name"), "name"),
        what: part(a.querySelector(".guide-map__what"), "what"),
        box: part(a.querySelector("rect"), "box"),
    }));
}"""


def rgba(css: str) -> tuple[float, float, float, float]:
    numbers = [float(n) for n in re.findall(r"[\d.]+", css)]
    assert css.startswith("rgb") and len(numbers) in (3, 4), css
    return (*numbers[:3], numbers[3] if len(numbers) == 4 else 1.0)


def luminance(rgb: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = map(channel, rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast of a colour (maybe translucent) drawn over an opaque background."""
    *fg, alpha = rgba(foreground)
    bg = rgba(background)[:3]
    seen = tuple(alpha * f + (1 - alpha) * b for f, b in zip(fg, bg, strict=True))
    light, dark = sorted((luminance(seen), luminance(bg)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def map_parts(page) -> list[dict]:
    page.locator("figure.guide-map").scroll_into_view_if_needed()
    return page.evaluate(MAP_PARTS)


def assert_readable(parts: list[dict], where: str) -> None:
    """Text at 4.5:1 against the background, box outlines at 3:1 (WCAG 1.4.3, 1.4.11), and
    every text inside its box."""
    for section in parts:
        for part, least in ((section["name"], 4.5), (section["what"], 4.5), (section["box"], 3)):
            if not part["visible"]:
                continue
            ratio = contrast(part["colour"], part["background"])
            assert ratio >= least, f"{where}: {part['kind']} {part['text']!r}: {ratio:.2f}:1"
            box = section["box"]
            assert box["x0"] <= part["x0"] and part["x1"] <= box["x1"], (
                f"{where}: {part['text']!r} spills out of its box"
            )


def test_the_demo_shows_the_race_and_its_fix(browser, server) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(server.url)
    driver = BlockDriver(page, 0)
    assert driver.root.get_attribute("data-snippet") == DEMO, "the home page's first example"
    state = driver.run(120)
    check_against_recording(snippet_metadata.find(DEMO), state, normalise(driver.output))
    # The timeline tells the same story: four named threads; only those with the lock wait
    # for it (while the other one pauses holding it).
    timeline = driver.root.locator(".guide-runner__timeline svg").first
    labels = timeline.locator("[aria-label]").evaluate_all(
        "items => items.map(item => item.getAttribute('aria-label'))"
    )
    for name in ("A (no lock)", "B (no lock)", "A (lock)", "B (lock)"):
        assert any(label.startswith(f"{name} ") for label in labels), f"no lane {name}: {labels}"
    waits = [
        label for label in labels if re.match(r"\S+ \((no lock|lock)\) waits for a lock", label)
    ]
    assert waits and all("(lock)" in label for label in waits), waits
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_map_leads_to_each_section_and_is_readable(browser, server, site_dir, scheme) -> None:
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(server.url)
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.body.dataset.mdColorScheme") == expected
    parts = map_parts(page)
    assert {p["href"]: p["name"]["text"] for p in parts} == SECTIONS
    for href, name in SECTIONS.items():
        section = (Path(site_dir) / href / "index.html").read_text(encoding="utf-8")
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", section, re.DOTALL)
        assert heading and name in heading[1].replace("&amp;", "&"), (href, heading)
    assert_readable(parts, scheme)
    context.close()


def test_the_map_fits_a_phone(browser, server) -> None:
    width = 390
    context = browser.new_context(viewport={"width": width, "height": 844}, has_touch=True)
    page = context.new_page()
    page.goto(server.url)
    parts = map_parts(page)
    assert_readable(parts, "phone")
    svg = page.locator("figure.guide-map svg").bounding_box()
    assert svg["x"] >= 0 and svg["x"] + svg["width"] <= width, svg
    scale = svg["width"] / page.evaluate(
        "document.querySelector('figure.guide-map svg').viewBox.baseVal.width"
    )
    size = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.guide-map__name')).fontSize)"
    )
    assert size * scale >= 11, f"section names drawn {size * scale:.1f} px high"
    context.close()


def test_the_map_prints(browser, server) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(server.url)
    page.emulate_media(media="print")
    assert page.locator("figure.guide-map svg").is_visible()
    parts = map_parts(page)
    for part in parts:
        part["name"]["background"] = part["what"]["background"] = "rgb(255, 255, 255)"
        part["box"]["background"] = "rgb(255, 255, 255)"  # paper
    assert_readable(parts, "print")
    context.close()
