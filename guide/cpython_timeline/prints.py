"""Each line the snippet prints, reported with the thread that printed it."""

from __future__ import annotations

import io
import sys
import threading

get_ident = threading.get_ident


class LineTap(io.TextIOBase):
    """A text stream that passes everything on and reports each whole line, per thread
    (print() writes a line's text and its newline in two calls)."""

    def __init__(self, stream, name: str, report) -> None:
        self.stream = stream
        self.name = name
        self.report = report
        self.partial: dict[int, str] = {}

    def write(self, text: str) -> int:
        ident = get_ident()
        pending = self.partial.pop(ident, "") + text
        *lines, rest = pending.split("\n")
        for line in lines:
            self.report(line, self.name)
        if rest:
            self.partial[ident] = rest
        self.stream.write(text)
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    @property
    def encoding(self):
        return self.stream.encoding

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False


def tap_output(report) -> None:
    sys.stdout = LineTap(sys.stdout, "stdout", report)
    sys.stderr = LineTap(sys.stderr, "stderr", report)
