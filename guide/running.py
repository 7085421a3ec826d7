"""Run one example program the way a reader would, in a fresh interpreter, and capture what
it prints: the snippet tests, the recorder and the timeline figures all run programs so."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass

from .checks import normalise
from .snippet_metadata import Snippet


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


def _stop_group(process: subprocess.Popen) -> None:
    """Kill the snippet and every process it started."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _signals_as_in_a_terminal() -> None:
    """In the snippet's process, before it starts: Ctrl-C and Ctrl-\\ do what they do for a
    program a reader starts from a terminal. A job started in the background (as a CI
    runner may start the suite) inherits them ignored, and Python then installs no
    KeyboardInterrupt handler, so the examples that send themselves SIGINT would not show
    what they show everywhere else."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGQUIT, signal.SIG_DFL)


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
            preexec_fn=_signals_as_in_a_terminal,
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
