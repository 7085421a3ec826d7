"""The page syntax the guide's hooks share: a named block with one option per line.

    /// example | section/name.py
    run: browser
    ///

`examples.py` expands `/// example` blocks and `timelines.py` expands `/// timeline` blocks;
both read them with the two functions here, so the syntax and its error messages are the same.
"""

from __future__ import annotations

import re


def block_pattern(kind: str) -> re.Pattern[str]:
    """Matches `/// <kind> | <name>`, its `key: value` lines and the closing `///`, at any
    indentation (inside a list or an admonition); groups: indent, name, options."""
    return re.compile(
        rf"^(?P<indent>[ \t]*)/// {re.escape(kind)} \| (?P<name>\S+)[ \t]*\n"
        r"(?P<options>(?:(?P=indent)[ \t]*\w[\w-]*:.*\n)*)"
        r"(?P=indent)///[ \t]*$",
        re.MULTILINE,
    )


def block_options(text: str, *, kind: str, known: set[str], where: str) -> dict[str, str]:
    """The `key: value` lines of one block; an unknown key is an error naming the known ones."""
    options = {}
    for line in text.splitlines():
        key, _, value = line.strip().partition(":")
        if key not in known:
            raise ValueError(f"{where}: unknown {kind} option {key!r} (known: {sorted(known)})")
        options[key] = value.strip()
    return options
