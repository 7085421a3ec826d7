"""Run one snippet the way a reader would, in a fresh interpreter, and capture what it prints."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass

from snippet_metadata import SNIPPETS, Snippet

ROOT = SNIPPETS.parent


@dataclass(frozen=True)
class Run:
    output: str  # stdout and stderr, merged in the order they were written
    returncode: int | None  # None: still running when it was stopped (a blocking snippet)
    seconds: float


def pause_before_retry(attempt: int) -> None:
    """Wait 1, 2, 4, 8… seconds before attempt `attempt + 1` of a timing-sensitive snippet.

    On a shared host the second core goes missing in stretches of a few seconds; a retry
    started at once lands in the same stretch and measures the same missing speed-up."""
    time.sleep(2**attempt)


def retry_on_failure(attempt: Callable[[], None], retries: int) -> None:
    """Call `attempt` until it raises no AssertionError, at most `retries` more times, with
    pause_before_retry between; the last failure is raised."""
    for done in range(retries + 1):
        try:
            attempt()
            return
        except AssertionError:
            if done == retries:
                raise
            pause_before_retry(done)


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        PYTHONUNBUFFERED="1",  # keep stdout and stderr in the order they were written
        PYTHONIOENCODING="utf-8",
        PYTHONDONTWRITEBYTECODE="1",
        PYTHON_COLORS="0",
        NO_COLOR="1",
    )
    for name in ("PYTHONWARNINGS", "PYTHONHASHSEED", "PYTHONSTARTUP", "PYTHONPATH"):
        env.pop(name, None)
    return env


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


def _stop_group(process: subprocess.Popen) -> None:
    """Kill the snippet and every process it started."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def run(snippet: Snippet, python: str = sys.executable) -> Run:
    """Run the snippet; a blocking one is stopped after `blocks_after` seconds.

    Raises TimeoutError when a snippet that should end runs past its timeout, and
    AssertionError when a snippet that should block ends by itself.
    """
    with tempfile.TemporaryDirectory(prefix="snippet-") as workdir:
        started = time.perf_counter()
        process = subprocess.Popen(
            [python, str(snippet.path)],
            cwd=workdir,
            env=environment(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait = snippet.blocks_after if snippet.blocks else snippet.timeout
        try:
            raw, _ = process.communicate(timeout=wait)
        except subprocess.TimeoutExpired:
            _stop_group(process)
            raw, _ = process.communicate()
            output = normalise(raw.decode("utf-8", "replace"))
            if snippet.blocks:
                return Run(output, None, time.perf_counter() - started)
            raise TimeoutError(
                f"{snippet.name} still running after {wait:g} s; output so far:\n{output}"
            ) from None
        _stop_group(process)  # children a finished snippet left behind
        output = normalise(raw.decode("utf-8", "replace"))
        if snippet.blocks:
            raise AssertionError(
                f"{snippet.name} declares that it blocks ({snippet.blocks}) but it ended "
                f"with exit code {process.returncode} within {wait:g} s:\n{output}"
            )
        return Run(output, process.returncode, time.perf_counter() - started)
