"""Every snippet runs in a fresh interpreter; what it prints must match its recorded output."""

from __future__ import annotations

import pytest

from guide import snippet_metadata
from guide.checks import check
from guide.properties import PROPERTIES
from guide.running import retry_on_failure, run

from .calibration import CoresMissing, beside_calibration

SNIPPETS = snippet_metadata.all_snippets()
RECORDED = snippet_metadata.recordings()


@pytest.mark.parametrize("snippet", SNIPPETS, ids=lambda s: s.name)
def test_snippet(snippet: snippet_metadata.Snippet) -> None:
    reason = snippet.skip_reason()
    if reason:
        pytest.skip(reason)
    if snippet.needs_cores == 1:
        retry_on_failure(lambda: run_and_check(snippet), snippet.retries)
        return
    # A speed-up is only evidence when the machine had the cores to show it: see calibration.py.
    lacking: list[CoresMissing] = []

    def attempt() -> None:
        try:
            beside_calibration(lambda: run_and_check(snippet), snippet.needs_cores)
        except CoresMissing as missing:
            lacking.append(missing)
            if len(lacking) >= MOST_ATTEMPTS_WITHOUT_CORES:
                raise BusyMachine(str(missing)) from missing
            raise

    try:
        retry_on_failure(attempt, snippet.retries)
    except (CoresMissing, BusyMachine) as missing:
        pytest.skip(str(missing))


# A machine that lacked the cores at three attempts (over several seconds) is busy with
# other work, not briefly robbed of a core: more attempts would only wait.
MOST_ATTEMPTS_WITHOUT_CORES = 3


class BusyMachine(Exception):
    """Ends the retries of a speed-up check (not an AssertionError, so not retried)."""


def run_and_check(snippet: snippet_metadata.Snippet) -> None:
    result = run(snippet)
    assert result.output, "the snippet printed nothing; a snippet prints what it demonstrates"
    if not snippet.recordable and snippet.name not in RECORDED:
        # Needs an interpreter newer than the recorder: only its invariant can be checked.
        assert result.returncode == 0, result.output
        if snippet.check == "property":
            check(snippet, result.output, "")
        return
    assert snippet.output_path.exists(), (
        f"no recorded output: run `nox -s record -- {snippet.name}`"
    )
    recorded = snippet.output_path.read_text(encoding="utf-8")
    expected_exit = RECORDED[snippet.name]["exit_code"]
    assert result.returncode == expected_exit, (
        f"exit code {result.returncode}, recorded {expected_exit}; output:\n{result.output}"
    )
    check(snippet, result.output, recorded)


def test_every_snippet_is_recorded() -> None:
    missing = [
        s.name
        for s in SNIPPETS
        if s.recordable and (s.name not in RECORDED or not s.output_path.exists())
    ]
    assert not missing, f"record these with `nox -s record -- <name>`: {missing}"


def test_no_stale_recordings() -> None:
    names = {s.name for s in SNIPPETS}
    stale = sorted(set(RECORDED) - names)
    orphans = sorted(
        str(p.relative_to(snippet_metadata.SNIPPETS))
        for p in snippet_metadata.SNIPPETS.glob("*/*.out")
        if not p.with_suffix(".py").exists()
    )
    assert not stale and not orphans, f"recordings without a snippet: {stale + orphans}"


def test_every_property_belongs_to_a_snippet_that_uses_it() -> None:
    by_name = {s.name: s for s in SNIPPETS}
    wrong = [n for n in PROPERTIES if n not in by_name or by_name[n].check != "property"]
    assert not wrong, (
        f"properties registered for snippets that do not declare check = 'property': {wrong}"
    )
