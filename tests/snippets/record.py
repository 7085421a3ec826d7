"""Record what snippets print: python -m tests.snippets.record [section/name.py ...]

Writes snippets/<section>/<name>.out and the interpreter and exit code into
snippets/recorded.json. A snippet that a page pictures with a `/// timeline` block gets its
timeline recorded too, on the same Python: snippets/<section>/<name>.timeline.json, which
the site build draws (guide.cpython_timeline.figures). With no arguments, records every
snippet this Python can run.
"""

from __future__ import annotations

import platform
import sys

from guide import snippet_metadata
from guide.checks import check
from guide.cpython_timeline import figures
from guide.running import Run, pause_before_retry, run

from . import recordings, timelines
from .calibration import beside_calibration


def run_holding_its_invariant(snippet: snippet_metadata.Snippet) -> Run:
    """A run whose output satisfies the snippet's own property: a page must never show a
    recording that contradicts what the tests promise (say, a speed-up hidden by load).
    A snippet that needs free cores is recorded only from a run that had them, as the
    calibrations just before and after it show (calibration.beside_calibration)."""
    if snippet.check != "property":
        return run(snippet)
    runs: list[Run] = []

    def run_and_check() -> None:
        runs.append(run(snippet))
        check(snippet, runs[-1].output, runs[-1].output)

    attempts = snippet.retries + 1
    for attempt in range(1, attempts + 1):
        try:
            if snippet.needs_cores == 1:
                run_and_check()
            else:
                beside_calibration(run_and_check, snippet.needs_cores, even_if_it_holds=True)
            return runs[-1]
        except AssertionError as error:
            print(f"{snippet.name}: attempt {attempt}/{attempts} not recorded: {error}")
            if attempt < attempts:
                pause_before_retry(attempt - 1)
    cores = " with the free cores it needs" if snippet.needs_cores > 1 else ""
    raise SystemExit(f"{snippet.name}: no run satisfied its property{cores}; nothing recorded")


TIMELINE_ATTEMPTS = 3  # recordings of a figure, at most, until one shows what it must


def record_timeline(snippet: snippet_metadata.Snippet) -> str:
    """Record the snippet's timeline figure from a run that shows what the figure must
    (tests/snippets/timelines.py: the snippet tests check the same on every CPython)."""
    for attempt in range(1, TIMELINE_ATTEMPTS + 1):
        try:
            result = figures.record(snippet)
            timelines.check(snippet, result)
        except (AssertionError, ValueError) as error:
            print(f"{snippet.name}: timeline {attempt}/{TIMELINE_ATTEMPTS} not recorded: {error}")
            if attempt < TIMELINE_ATTEMPTS:
                pause_before_retry(attempt - 1)
            continue
        path = figures.write(snippet, result)
        recording = result["recording"]
        return f"{path.name}: {len(recording['lanes'])} lanes, {len(recording['events'])} events"
    raise SystemExit(f"{snippet.name}: no run showed what its timeline figure must; not recorded")


def record(snippet: snippet_metadata.Snippet, pictured: set[str] = frozenset()) -> str:
    reason = snippet.skip_reason()
    if reason:
        return f"skipped ({reason})"
    result = run_holding_its_invariant(snippet)
    if not result.output:
        raise SystemExit(f"{snippet.name} printed nothing: a snippet prints what it demonstrates")
    snippet.output_path.write_text(result.output, encoding="utf-8")
    with recordings.updating() as manifest:
        manifest[snippet.name] = {
            "python": f"{platform.python_implementation()} {platform.python_version()}",
            "exit_code": result.returncode,
        }
    state = "blocked, stopped" if result.returncode is None else f"exit {result.returncode}"
    done = f"{result.output.count(chr(10))} lines, {state}, {result.seconds:.2f} s"
    if snippet.name in pictured:  # after the output: the figure ends as the output did
        done += f"; {record_timeline(snippet)}"
    return done


def main(names: list[str]) -> None:
    snippets = (
        [snippet_metadata.find(n.removeprefix("snippets/")) for n in names]
        if names
        else snippet_metadata.all_snippets()
    )
    pictured = set(figures.pictured())
    for snippet in snippets:
        print(f"{snippet.name}: {record(snippet, pictured)}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
