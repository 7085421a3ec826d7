"""Record what snippets print: python -m tests.snippets.record [section/name.py ...]

Writes snippets/<section>/<name>.out and the interpreter and exit code into
snippets/recorded.json. With no arguments, records every snippet this Python can run.
"""

from __future__ import annotations

import platform
import sys

from guide import snippet_metadata
from guide.checks import check
from guide.running import Run, pause_before_retry, run

from . import recordings
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


def record(snippet: snippet_metadata.Snippet) -> str:
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
    return f"{result.output.count(chr(10))} lines, {state}, {result.seconds:.2f} s"


def main(names: list[str]) -> None:
    snippets = (
        [snippet_metadata.find(n.removeprefix("snippets/")) for n in names]
        if names
        else snippet_metadata.all_snippets()
    )
    for snippet in snippets:
        print(f"{snippet.name}: {record(snippet)}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
