"""How a run's output is compared with the recorded output, one function per `check`."""

from __future__ import annotations

import os
import re
import sys

from . import snippet_metadata
from .paths import ROOT
from .properties import PROPERTIES
from .snippet_metadata import Snippet

NUMBER = re.compile(r"\d+(?:[.,_]\d+)*")


def exact(output: str, recorded: str) -> None:
    assert output == recorded, "output differs from the recorded output"


def lines_any_order(output: str, recorded: str) -> None:
    assert sorted(output.splitlines()) == sorted(recorded.splitlines()), (
        "the lines differ from the recorded ones (their order may vary, not their text)"
    )


def numbers_masked(output: str, recorded: str) -> None:
    def mask(text: str) -> str:
        return NUMBER.sub("#", text)

    assert mask(output) == mask(recorded), (
        "output differs from the recorded output in more than its numbers"
    )


def check(snippet: Snippet, output: str, recorded: str) -> None:
    """Assert that `output` holds what the snippet's recorded output promises."""
    if snippet.check == "exact":
        exact(output, recorded)
    elif snippet.check == "lines-any-order":
        lines_any_order(output, recorded)
    elif snippet.check == "numbers-masked":
        numbers_masked(output, recorded)
    else:
        prop = PROPERTIES.get(snippet.name)
        assert prop is not None, (
            f"{snippet.name} declares check = 'property' but no function in "
            "guide/properties/ is registered for it with @holds_for"
        )
        prop(output, recorded)


def normalise(text: str) -> str:
    """Make output independent of where the repository and Python live, and of trailing
    spaces: paths in tracebacks read snippets/… and …/lib/python3.x/…"""
    for prefix in sorted({sys.prefix, sys.base_prefix}, key=len, reverse=True):
        text = text.replace(prefix + os.sep, "…" + os.sep)
    return trim_lines(text.replace(str(ROOT) + os.sep, ""))


def trim_lines(text: str) -> str:
    """No trailing spaces, no trailing blank lines, one final newline (none if empty)."""
    lines = [line.rstrip() for line in text.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n" if lines else ""


# --- a run in the browser against CPython's recording ----------------------------------

TRACEBACK = re.compile(r"^Traceback \(most recent call last\):\n(?:[ \t].*\n|\n)*", re.MULTILINE)


def without_tracebacks(text: str) -> str:
    """The text with each traceback's frames left out (line numbers and file names differ
    between the page, which shows the code without its metadata block, and the recording);
    the exception line stays."""
    return TRACEBACK.sub("Traceback (most recent call last):\n", text)


def check_against_recording(snippet: Snippet, state: str, output: str) -> None:
    """A run that ended in `state` and printed `output` (normalised) holds what CPython's
    recording of the snippet promises: it ends as the recording did (finished, or failed or
    exited for a non-zero exit code), and its output passes the snippet's check; where the
    recording ended with an exception, with the traceback frames left out of both."""
    recording = snippet_metadata.recordings().get(snippet.name)
    if recording is None or not snippet.output_path.exists():
        assert state == "finished", f"{state}: {output}"
        return
    expected_states = ("finished",) if recording["exit_code"] == 0 else ("failed", "exited")
    assert state in expected_states, (
        f"ended {state}, recorded exit code {recording['exit_code']}:\n{output}"
    )
    recorded = trim_lines(snippet.output_path.read_text(encoding="utf-8"))
    if recording["exit_code"]:
        output, recorded = without_tracebacks(output), without_tracebacks(recorded)
    check(snippet, output, recorded)
