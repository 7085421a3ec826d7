"""Figures that prose quotes from a recorded run, taken from the recording itself.

A sentence that quotes a time, a speed-up or a count from an example's output does not type
it; it writes

    the pool took %recorded asyncio/run_in_executor.py "processes: .* in (\\S+ s)"%

and the build puts in the first group of the pattern (or the whole match) as found in
`snippets/asyncio/run_in_executor.out`. The pattern must match exactly once, so a recording
whose text changes breaks the build until the page is changed with it, and a recording whose
figures change changes the page. `tests/site/test_sources.py` rejects a figure typed in prose
that also appears in the recording of an example on the same page.
"""

from __future__ import annotations

import html
import re

from guide import snippet_metadata

REFERENCE = re.compile(r'%recorded (?P<name>[\w./-]+\.py) "(?P<pattern>[^"\n]+)"%')


def figure(name: str, pattern: str) -> str:
    """The text PATTERN picks out of the recording of snippet NAME (its first group, if it
    has one); ValueError unless it matches exactly once."""
    snippet = snippet_metadata.find(name)
    if not snippet.output_path.exists():
        raise ValueError(f"{name} has no recorded output: run `nox -s record -- {name}`")
    recording = snippet.output_path.read_text(encoding="utf-8")
    try:
        matches = list(re.finditer(pattern, recording, re.MULTILINE))
    except re.error as error:
        raise ValueError(f"pattern {pattern!r} is not a regular expression: {error}") from None
    if len(matches) != 1:
        raise ValueError(
            f"pattern {pattern!r} matches the recording of {name} {len(matches)} times, "
            "not once; the recording reads:\n" + recording
        )
    (match,) = matches
    return match[1] if match.re.groups else match[0]


def render(name: str, pattern: str, recorded: dict) -> str:
    """The figure as an inline element whose tooltip says which run it came from."""
    python = recorded.get(name, {}).get("python", "the recorded run")
    source = html.escape(f"from the recorded output of {name} ({python})", quote=True)
    return (
        f'<span class="guide-recorded" title="{source}">{html.escape(figure(name, pattern))}</span>'
    )


def on_page_markdown(markdown: str, page, config, files) -> str:
    recorded = snippet_metadata.recordings()

    def expand(match: re.Match) -> str:
        try:
            return render(match["name"], match["pattern"], recorded)
        except (FileNotFoundError, ValueError) as error:
            raise SystemExit(f"{page.file.src_uri}: {match[0]}: {error}") from error

    return REFERENCE.sub(expand, markdown)
