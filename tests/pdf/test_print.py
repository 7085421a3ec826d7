"""Paper, not a screen: no controls of the theme or of the in-browser runner, and nothing
printed beyond the margins."""

from __future__ import annotations

import re

from guide import paths

from . import guide
from .conftest import BOTTOM_MARGIN, SIDE_MARGIN
from .guide import squash

# The theme's controls and furniture (Material's English labels).
THEME_LABELS = [
    "Edit this page",
    "View source of this page",
    "Copy to clipboard",
    "Back to top",
    "Skip to content",
    "Table of contents",
    "Initializing search",
    "Type to start searching",
    "Made with Material for MkDocs",
    "Switch to dark mode",
    "Switch to light mode",
    "Download PDF",
]
# Single words that are a control when they stand alone (not inside a sentence or code).
CONTROL_WORDS = {"Run", "Stop", "Reset", "Copy", "Copied", "Search", "Previous", "Next", "Share"}
# Instructions only a reader of the web page can follow (the PDF's text has no whitespace):
# pressing the runner's buttons or keys, hovering, tapping, focusing. The pages mark such
# passages data-print="hide"; a paper edition keeps what describes the web edition.
WEB_ONLY = re.compile(
    r"press(?:the)?(?:run|stop|reset|copy|sameseed|newseed|timeline)|(?:click|tap)(?:on|the|it)"
    r"|hover(?!head)|focusthem|movetoitwith|(?:ctrl|cmd)\+enter|(?:esc|escape)stops"
    r"|[\u2303\u2318\u2325\u21e7\u21e5\u238b\u23ce]",  # keyboard keys: ⌃ ⌘ ⌥ ⇧ ⇥ ⎋ ⏎
    re.IGNORECASE,
)


def runner_labels() -> list[str]:
    """What the in-browser runner writes on its buttons, tooltips and status line, read from
    its scripts: new controls are checked as soon as they exist."""
    labels = set()
    pattern = re.compile(
        r"""(?:button|setStatus)\(\s*"([^"]{3,})"|(?:title|"aria-label"|label):\s*"([^"]{3,})"|textContent\s*=\s*"([^"]{3,})\""""
    )
    for script in sorted(paths.RUNNER.rglob("*.js")):
        for match in pattern.finditer(script.read_text(encoding="utf-8")):
            labels.add(next(group for group in match.groups() if group))
    return sorted(labels)


def test_runner_labels_are_found() -> None:
    # If the runner's labels could not be read, the test below would check nothing of it.
    assert any("Run" in label for label in runner_labels())


def test_no_control_labels_in_the_pdf(body_text: str, pages) -> None:
    phrases = THEME_LABELS + [label for label in runner_labels() if " " in label.strip()]
    found = [phrase for phrase in phrases if squash(phrase) in body_text]
    words = CONTROL_WORDS | {label for label in runner_labels() if " " not in label.strip()}
    words |= {w for label in runner_labels() for w in label.split() if w in CONTROL_WORDS}
    # A control on its own: a run of text in the text font made of control words only (and
    # the symbols buttons wear: ▶ ■ ↺), e.g. "▶ Run", "Run Stop Reset", "Copy" beside a title.
    # (The PDF's text has no spaces to split on: match the words end to end.)
    controls = re.compile("(?:" + "|".join(sorted(map(re.escape, words), key=len)[::-1]) + ")+")
    for page in pages:
        for text, mono in page.runs():
            bare = re.sub(r"[\s▶■↺⏹⟲✓·|]+", "", text)
            if not mono and bare and controls.fullmatch(bare):
                found.append(f"{text!r} on page {page.number}")
    assert not found, f"controls printed: {found[:20]}"


def test_no_instructions_for_the_web_page(page_texts: list[str]) -> None:
    found = [
        f"page {number}: ...{text[max(0, m.start() - 30) : m.end() + 30]}..."
        for number, text in enumerate(page_texts, 1)
        for m in WEB_ONLY.finditer(text)
    ]
    assert not found, f"instructions for the web page printed: {found[:20]}"


def test_no_character_beyond_the_margins(pages) -> None:
    outside = []
    for page in pages:
        for char in page.chars:
            if char.text.isspace():
                continue
            if char.left < SIDE_MARGIN - 1 or char.right > page.width - SIDE_MARGIN + 1:
                kind = "code" if char.mono else "text"
                outside.append(f"page {page.number}: {kind} {char.text!r} at x={char.right:.0f}")
    assert not outside, f"{len(outside)} characters beyond the margins: {outside[:15]}"


def test_code_is_in_a_monospaced_font(pages) -> None:
    # What test_no_character_beyond_the_margins checks covers the code: it is found by its
    # font, and all of every example's code must be.
    mono = sum(1 for page in pages for c in page.chars if c.mono and not c.text.isspace())
    code = sum(len(squash(e.code)) for e in guide.examples_shown())
    assert mono >= code > 0, f"{mono} monospaced characters for {code} of examples' code"


def test_nothing_is_shrunk_to_fit(pages) -> None:
    # A line too wide for the page does not always stick out: Chromium may scale every page
    # down until it fits, and all the text gets smaller. Then the lines of text no longer
    # reach the right margin.
    width = pages[0].width - 2 * SIDE_MARGIN
    ends = sorted(
        max(c.right for c in line)
        for page in pages
        for line in page.lines(BOTTOM_MARGIN)
        if not line[0].mono
    )
    reach = ends[int(len(ends) * 0.9)] - SIDE_MARGIN
    assert reach >= 0.9 * width, (
        f"the longest lines of text end {reach:.0f} pt from the left margin, in a text width "
        f"of {width:.0f} pt: the pages were shrunk to fit something too wide"
    )
