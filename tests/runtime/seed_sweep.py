"""Opt-in: every runnable example (`run: browser` in docs/) under many seeds of the simulated
threads, judged as tests/browser/test_examples.py judges the page's run. A property that holds
for most seeds but not all is a flake of the browser tests (they pick a random seed).

Not part of the default run (pytest collects test_*.py only): `nox -s seed-sweep`, or
`pytest tests/runtime/seed_sweep.py -k threads/pool`. SEED_SWEEP_SEEDS (default 25) seeds per
example from SEED_SWEEP_FIRST (default 1), fewer when one example has used up
SEED_SWEEP_BUDGET seconds (default 30). Programs that need no runtime ignore the seed, so a
failure there is the machine's load, not a schedule.
"""

from __future__ import annotations

import os
import re
import time

import pytest

from guide import page_blocks, paths, snippet_metadata
from guide.checks import check_against_recording, trim_lines
from guide.hooks import examples

from .conftest import Pyodide

ROOT = paths.ROOT

FIRST = int(os.environ.get("SEED_SWEEP_FIRST", "1"))
SEEDS = int(os.environ.get("SEED_SWEEP_SEEDS", "25"))
BUDGET = float(os.environ.get("SEED_SWEEP_BUDGET", "30"))
# The worker adds the simulated threads to a block's needs when the code uses them
# (runner/needs.json: their "patterns").
THREADS_USE = re.compile("|".join(examples.BROWSER_NEEDS["threads"]["patterns"]))


def runnable() -> list[str]:
    """The snippets of every `run: browser` block without a session, once each."""
    pattern = page_blocks.block_pattern("example")
    names = {}
    for page in sorted((ROOT / "docs").rglob("*.md")):
        for match in pattern.finditer(page.read_text(encoding="utf-8")):
            options = examples.options(match["options"], str(page))
            if options.get("run") == "browser" and "session" not in options:
                names[match["name"]] = None
    return list(names)


class Harness:
    """The Pyodide harness, started again after a run that timed out (which kills it)."""

    pyodide: Pyodide | None = None

    def run(self, *args, **options):
        if self.pyodide is None:
            self.pyodide = Pyodide()
        try:
            return self.pyodide.run(*args, **options)
        except pytest.fail.Exception as error:
            self.pyodide = None
            return f"the harness gave up: {error}"


@pytest.fixture(scope="module")
def harness():
    running = Harness()
    yield running
    if running.pyodide is not None:
        running.pyodide.close()


def failure(snippet: snippet_metadata.Snippet, result) -> str | None:
    """What is wrong with one run, as test_examples.py judges it (None: nothing)."""
    if isinstance(result, str):
        return result
    output = trim_lines(result.output)
    if snippet.blocks:  # the simulated threads report the deadlock CPython hangs in
        hangs = "CPython would hang here" in (result.error or "")
        return None if result.status == "deadlocked" and hangs else f"ended {result.status}"
    try:
        check_against_recording(snippet, result.status, output)
    except AssertionError as error:
        return f"ended {result.status} ({result.error}): {error}\n{output}"
    return None


@pytest.mark.parametrize("name", runnable())
def test_every_seed_keeps_the_property(harness, name: str) -> None:
    snippet = snippet_metadata.find(name)
    body = snippet.body()
    needs = set(examples.browser_needs(snippet.path.read_text(encoding="utf-8")))
    if needs & {"processes", "sockets"}:
        pytest.skip(f"a browser lacks {sorted(needs)}: the page shows the recording")
    if THREADS_USE.search(body):
        needs.add("threads")
    failures = []
    start = time.monotonic()
    for seed in range(FIRST, FIRST + SEEDS):
        if seed > FIRST and time.monotonic() - start > BUDGET:
            break
        result = harness.run(
            body,
            filename=f"snippets/{name}",
            seed=seed,
            needs=" ".join(sorted(needs)),
            timeout=snippet.timeout + 10,
        )
        if (problem := failure(snippet, result)) is not None:
            failures.append(f"seed {seed}: {problem}")
    assert not failures, "\n\n".join(failures)
