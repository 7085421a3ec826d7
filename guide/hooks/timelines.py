"""MkDocs hook: `/// timeline | section/name.py` blocks become timeline figures, drawn from
the recording of a real CPython run of the snippet that `nox -s record` keeps beside it
(snippets/<section>/<name>.timeline.json; issue 9, the static figures). The build runs
nothing: a figure whose recording is missing fails the build with the command that makes it.

In a page, after the example it pictures:

    /// timeline | problems/deadlock_forever.py
    caption: Each thread holds one lock and waits for the other's.
    ///

The block becomes

    <figure class="guide-timeline" data-snippet="...">
      <div class="tl-scroll"><svg class="tl tl--wide" ...>...</svg><svg class="tl tl--narrow"
      ...>...</svg></div>
      <figcaption>what it shows; that it was recorded from a real run on CPython X.Y.Z, and
      that the interleaving differs from run to run</figcaption>
    </figure>

The SVGs are guide.timeline.render_svgs's drawings (the wide one for a page's column and
print, the narrow one for a phone; theme/assets/timeline.css shows the one that fits) of the
recording that guide.cpython_timeline made (its figures module reads it).
"""

from __future__ import annotations

import html
import re

from guide import page_blocks, snippet_metadata
from guide import timeline as guide_timeline
from guide.cpython_timeline import figures
from guide.timeline import scale as guide_timeline_scale

TIMELINE = figures.TIMELINE
OPTIONS = {"caption"}


def options(text: str, where: str) -> dict[str, str]:
    return page_blocks.block_options(text, kind="timeline", known=OPTIONS, where=where)


def blocks_in(markdown: str) -> list[re.Match]:
    return list(TIMELINE.finditer(markdown))


# --- the figure ---------------------------------------------------------------------------


def _inline_code(text: str) -> str:
    """Escaped text, with `code` spans as <code>."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(text, quote=False))


def caption_text(snippet: snippet_metadata.Snippet, result: dict, caption: str | None) -> str:
    """What the figure shows, then where it comes from (the figure's <figcaption>, HTML)."""
    recording = result["recording"]
    shows = _inline_code(caption) if caption else f"Timeline of <code>{snippet.name}</code>."
    source = (
        f"Recorded from a real run of <code>{snippet.name}</code> on "
        f'<span class="guide-timeline-python">{html.escape(result["python"])}</span>.'
    )
    if snippet.blocks:
        stopped = guide_timeline_scale.time_text(recording["end"])
        if recording.get("deadlock"):
            source += f" The program never ends: it was stopped {stopped} in, deadlocked."
        else:
            source += f" The program never ends: it was stopped {stopped} in."
    varies = "The interleaving differs from run to run."
    return f'{shows} <span class="guide-timeline-source">{source} {varies}</span>'


def render(snippet: snippet_metadata.Snippet, result: dict, caption: str | None) -> str:
    """The HTML that stands for one timeline block (one block of raw HTML, no blank line)."""
    wide, narrow = guide_timeline.render_svgs(result["recording"])
    return (
        f'<figure class="guide-timeline" data-snippet="{snippet.name}">\n'
        f'<div class="tl-scroll">{wide}{narrow}</div>\n'
        f"<figcaption>{caption_text(snippet, result, caption)}</figcaption>\n"
        "</figure>\n"
    )


# --- MkDocs events --------------------------------------------------------------------------


def on_page_markdown(markdown: str, page, config, files) -> str:
    def expand(match: re.Match) -> str:
        where = f"{page.file.src_uri}: timeline {match['name']}"
        try:
            found = options(match["options"], where)
            snippet = snippet_metadata.find(match["name"])
            block = render(snippet, figures.read(snippet), found.get("caption"))
        except (FileNotFoundError, ValueError) as error:
            raise SystemExit(f"{where}: {error}") from error
        indent = match["indent"]
        return "\n".join(indent + line if line else "" for line in block.splitlines())

    return TIMELINE.sub(expand, markdown)
