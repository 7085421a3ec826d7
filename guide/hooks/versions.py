"""Which Pythons the guide is tested on, written into pages from one place.

A page writes %TESTED_PYTHONS% ("3.11, 3.12, 3.13, 3.14 and 3.15", from
snippet_metadata.TESTED_PYTHONS), %OLDEST_PYTHON% and %BROWSER_PYTHON% (the Python of the
pinned Pyodide); the build replaces them."""

from __future__ import annotations

from guide import snippet_metadata

TOKENS = {
    "%TESTED_PYTHONS%": snippet_metadata.in_words(),
    "%OLDEST_PYTHON%": snippet_metadata.TESTED_PYTHONS[0],
    "%BROWSER_PYTHON%": snippet_metadata.BROWSER_PYTHON,
}


def on_page_markdown(markdown: str, page, config, files) -> str:
    for token, value in TOKENS.items():
        markdown = markdown.replace(token, value)
    return markdown
