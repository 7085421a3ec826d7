"""The program's standard streams: sys.stdout and sys.stderr go straight to the page (and,
line by line, to the run's timeline); sys.stdin has nothing to read."""

from __future__ import annotations

from guide import timeline as guide_timeline
from guide.timeline.loop_trace import program_lane

from . import state
from .sandbox import no_input

_STREAMS = {1: "stdout", 2: "stderr"}


class Output:
    """sys.stdout / sys.stderr: every write goes straight to the page (no buffering)."""

    encoding = "utf-8"
    errors = "strict"
    newlines = None

    def __init__(self, fd: int, emit) -> None:
        self._fd = fd
        self._emit = emit
        self.name = "<stdout>" if fd == 1 else "<stderr>"

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        if text:
            self._emit(self._fd, text)
            printed = state.run.printed
            if printed is not None:
                printed.write(self._fd, text)
        return len(text)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        return self._fd

    def writable(self) -> bool:
        return True

    def readable(self) -> bool:
        return False

    @property
    def closed(self) -> bool:
        return False


class PrintedLines:
    """What a run prints, line by line, for its timeline: each line goes to the lane that
    runs when it ends (print() writes its text and its newline separately)."""

    def __init__(self, recorder: guide_timeline.Recorder) -> None:
        self.recorder = recorder
        self.partial: dict[tuple[str, int], str] = {}

    def write(self, fd: int, text: str) -> None:
        recorder = self.recorder
        key = (recorder.running or program_lane(recorder), fd)
        if "\n" not in text:
            self.partial[key] = self.partial.get(key, "") + text
            return
        lines, _, rest = text.rpartition("\n")
        recorder.print(key[0], self.partial.pop(key, "") + lines, _STREAMS[fd])
        if rest:
            self.partial[key] = rest

    def flush(self) -> None:
        for (lane, fd), text in self.partial.items():
            self.recorder.print(lane, text, _STREAMS[fd])
        self.partial.clear()


class Input:
    """sys.stdin: reading raises InputUnavailable, as input() does."""

    encoding = "utf-8"
    name = "<stdin>"
    closed = False

    def read(self, *args):
        no_input()

    readline = read
    readlines = read

    def __iter__(self):
        no_input()

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        return 0

    def readable(self) -> bool:
        return True
