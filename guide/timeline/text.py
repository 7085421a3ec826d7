"""Text in a timeline figure: safe in XML, about how wide it is, and names shortened so that
what tells lanes apart survives ("Thread-1 (incr…many)", never "Thread-1 (increment_ma…")."""

from __future__ import annotations

import re

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
# How each reason for waiting (guide.timeline.REASONS, in that order) reads in titles and
# the legend, and the letter drawn where a wait begins.
REASON_TEXT = {
    "lock": ("waits for a lock", "L"),
    "condition": ("waits for a condition or event", "C"),
    "queue": ("waits on a queue", "Q"),
    "sleep": ("sleeps", "S"),
    "join": ("waits for a result", "J"),
    "await": ("awaits", "A"),
    "io": ("waits for I/O", "I"),
}
_THREAD_NAME = re.compile(r"(?P<head>\S+) \((?P<target>.+)\)")  # "Thread-3 (worker)"


def clean(text) -> str:
    """Text as XML allows it: control characters (a printed ANSI colour code) and lone
    surrogates shown as escapes instead of breaking the document."""
    return _NOT_XML.sub(lambda m: ascii(m.group())[1:-1], str(text))


def text(value) -> str:
    """Text for an element or (in double quotes) an attribute."""
    return clean(value).translate(_ESCAPES)


def attr(value) -> str:
    return f'"{text(value)}"'


def cut(value: str, chars: int) -> str:
    return value if len(value) <= chars else value[: max(chars - 1, 1)] + "…"


def middle_cut(value: str, chars: int) -> str:
    """Shortened in the middle: the start and the end are what tell names apart."""
    if len(value) <= chars:
        return value
    if chars < 4:
        return cut(value, chars)
    tail = (chars - 1) // 2
    return value[: chars - 1 - tail] + "…" + value[len(value) - tail :]


def short_name(name: str, chars: int) -> str:
    """A lane's name in at most `chars` characters. "Thread-12 (increment_many)" keeps its
    own part whole and shortens the target's name in the middle: "Thread-12 (incr…many)"."""
    if len(name) <= chars:
        return name
    match = _THREAD_NAME.fullmatch(name)
    if match and len(match["head"]) + 6 <= chars:
        room = chars - len(match["head"]) - 3
        return f"{match['head']} ({middle_cut(match['target'], room)})"
    return middle_cut(name, chars)


def text_width(value: str, size: float) -> float:
    """About how wide a line of text is (no font metrics at build time, nor in the worker)."""
    return len(value) * size * 0.56


def chars_in(width: float, size: float) -> int:
    """About how many characters fit in `width` at font `size`."""
    return max(int(width / (size * 0.56)), 1)


def n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")
