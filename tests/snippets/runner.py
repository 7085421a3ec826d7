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

from .cores import parallel_capacity
from .properties import SpeedUpCheckFailed

ROOT = SNIPPETS.parent
# A core counts as free when it did at least this share of what a lone core does, so two
# cores when parallel_capacity(2) >= 1.7. Two free cores measure 1.8 to 2.0 here (median
# 1.94); beside one busy process 1.0 to 1.45; beside two about 1.1, above 1.7 in one
# calibration of ten, hence both before and after the run. A demo runs at about 85% of the
# cores it gets (1.7x of 2), so at 1.7 it still shows the 1.3x it promises.
FREE_CORE = 0.85
SKIPPED = "cores missing:"  # how a skip for lack of free cores begins (conftest counts them)


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


@dataclass(frozen=True)
class Calibration:
    """parallel_capacity() just before and just after one run of a snippet."""

    cores: int  # how many free cores the snippet's check needs
    before: float
    after: float

    @property
    def enough(self) -> float:
        return FREE_CORE * self.cores

    @property
    def had_the_cores(self) -> bool:
        return min(self.before, self.after) >= self.enough

    def __str__(self) -> str:
        return (
            f"{self.cores} CPU-bound processes did {self.before:.2f} cores' worth of work side "
            f"by side just before the run and {self.after:.2f} just after "
            f"({self.cores} free cores show at least {self.enough:.1f})"
        )


class CoresMissing(AssertionError):
    """An attempt that says nothing about the speed-up: the machine lacked the free cores.
    An AssertionError, so that retry_on_failure tries again; if the last attempt ends so,
    the test is skipped and the recorder records nothing."""


def beside_calibration(
    attempt: Callable[[], None],
    cores: int,
    *,
    even_if_it_holds: bool = False,
    capacity: Callable[[int], float] | None = None,
) -> Calibration:
    """Call `attempt` (a run of a snippet whose check needs `cores` free cores, and the
    check) between two calibrations of how many cores the machine gives right now.

    Only a failed speed-up check (SpeedUpCheckFailed: a speed-up missing, or one where none
    should be) depends on them: when a calibration found the cores busy it becomes
    CoresMissing, otherwise it is a real failure. Any other failure, say a wrong answer, is
    raised as it is. With `even_if_it_holds` (recording), a check
    that held without the cores raises CoresMissing too: the speed-up it shows is not what
    the machine gives. `capacity` stands in for parallel_capacity in tests."""
    capacity = capacity or parallel_capacity
    before = capacity(cores)
    try:
        attempt()
    except SpeedUpCheckFailed as failure:
        calibration = Calibration(cores, before, capacity(cores))
        if calibration.had_the_cores:
            raise SpeedUpCheckFailed(f"{failure}, although {calibration}") from failure
        raise CoresMissing(f"{SKIPPED} {failure}, and {calibration}") from failure
    calibration = Calibration(cores, before, capacity(cores))
    if even_if_it_holds and not calibration.had_the_cores:
        raise CoresMissing(f"{SKIPPED} the check held, but {calibration}")
    return calibration


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
