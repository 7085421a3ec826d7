"""Invariants of snippets whose output varies, one module per section.

A property is a function of (output, recorded) that asserts what every run must show:

    @holds_for("threads/race.py")
    def some_updates_are_lost(output, recorded): ...
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable

Property = Callable[[str, str], None]
PROPERTIES: dict[str, Property] = {}


def holds_for(*names: str) -> Callable[[Property], Property]:
    def register(fn: Property) -> Property:
        for name in names:
            if name in PROPERTIES:
                raise ValueError(f"two properties registered for {name}")
            PROPERTIES[name] = fn
        return fn

    return register


def number(pattern: str, text: str) -> float:
    """The number captured by the first group of `pattern` in `text`."""
    match = re.search(pattern, text)
    assert match, f"no line matches {pattern!r} in:\n{text}"
    return float(match[1].replace(",", "").replace("_", ""))


def numbers(pattern: str, text: str) -> list[float]:
    """Every number captured by the first group of `pattern` in `text`."""
    return [float(m.replace(",", "").replace("_", "")) for m in re.findall(pattern, text)]


for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")
