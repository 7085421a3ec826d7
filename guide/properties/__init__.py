"""Invariants of snippets whose output varies, one module per section.

A property is a function of (output, recorded) that asserts what every run must show:

    @holds_for("threads/race.py")
    def some_updates_are_lost(output, recorded): ...

A property of a snippet that declares `needs-cores` compares speed-ups with
`assert_speed_up` (and `assert_no_speed_up`), after everything else it checks (the answer,
the number of rounds): a speed-up that is missing (or one that should not be there) is no
evidence against the program when the machine lacked the cores, a wrong answer always is
(see tests/snippets/calibration.py, beside_calibration).
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


class SpeedUpCheckFailed(AssertionError):
    """A speed-up (a ratio of measured times) is not what the demo promises: a failure only
    if the machine had the free cores while it ran, as a busy machine upsets timings."""


def assert_speed_up(speed_up: float, at_least: float, what: str) -> None:
    """Assert that `what` ran at least `at_least` times faster (a timing, not a result)."""
    if not speed_up >= at_least:
        raise SpeedUpCheckFailed(f"{what} only {speed_up:.2f}x faster ({at_least}x expected)")


def assert_no_speed_up(speed_up: float, below: float, what: str) -> None:
    """Assert that `what` ran less than `below` times faster: no real speed-up (a timing)."""
    if not speed_up < below:
        raise SpeedUpCheckFailed(f"{what} ran {speed_up:.2f}x faster (below {below}x expected)")


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
