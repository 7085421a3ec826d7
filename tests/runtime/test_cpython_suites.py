"""CPython's own tests of threading against simthreads: test.lock_tests (through
test_threading's lock classes), test_queue's pure-Python classes and a selection of
test_threading without fork or subprocesses, read from the test package of the CPython
running pytest (cpython_suites.py). Each suite runs on that CPython and inside Pyodide
(with a fixed seed of the simulated scheduler); a test that passes on CPython must pass
inside Pyodide. The tally of each side is printed at the end of the session."""

from __future__ import annotations

import fnmatch
from concurrent.futures import Future, ThreadPoolExecutor

import pytest

from tests.runtime import cpython_suites
from tests.runtime.cpython_suites import SEEDS, SUITES, Run, Suite

# A suite's CPython run must pass at least this many tests: a selection that stopped
# loading (a class renamed, an import failing on both sides) must not pass unnoticed.
MINIMUM_PASSED = {"lock_tests": 95, "test_queue": 75, "test_threading": 35}


class _Tally:
    """Prints each suite's counts on both sides in the terminal summary."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def pytest_terminal_summary(self, terminalreporter) -> None:
        if self.lines:
            terminalreporter.section("CPython's threading tests: CPython vs Pyodide")
            for line in self.lines:
                terminalreporter.write_line(line)


@pytest.fixture(scope="module")
def tally(request) -> _Tally:
    plugin = _Tally()
    request.config.pluginmanager.register(plugin, "cpython-suites-tally")
    return plugin


@pytest.fixture(scope="module")
def on_cpython():
    """Every suite on CPython, started at once in the background (they mostly sleep)
    while Pyodide runs its own: suite name -> Future of its Run."""
    with ThreadPoolExecutor(max_workers=len(SUITES)) as pool:
        yield {suite.name: pool.submit(cpython_suites.run_on_cpython, suite) for suite in SUITES}


def _describe(regressions: dict[str, dict]) -> str:
    return "\n".join(
        f"- {test}: {each['outcome']}\n    " + each["detail"].strip().replace("\n", "\n    ")
        for test, each in regressions.items()
    )


@pytest.mark.parametrize("seed", SEEDS, ids=lambda seed: f"seed{seed}")
@pytest.mark.parametrize("suite", SUITES, ids=lambda suite: suite.name)
def test_what_passes_on_cpython_passes_in_pyodide(
    pyodide, on_cpython: dict[str, Future], tally: _Tally, suite: Suite, seed: int
) -> None:
    in_pyodide = cpython_suites.run_in_pyodide(pyodide, suite, seed)
    cpython: Run = on_cpython[suite.name].result()
    tally.lines.append(
        f"{suite.name:<15} CPython {cpython.python}: {cpython.tally()} in {cpython.seconds:g} s"
        f" | Pyodide {in_pyodide.python} (seed {seed}): {in_pyodide.tally()}"
        f" in {in_pyodide.seconds:g} s"
    )
    assert cpython.count("passed") >= MINIMUM_PASSED[suite.name], cpython.output[-4000:]
    regressions = cpython_suites.regressions(cpython, in_pyodide)
    assert not regressions, (
        f"{len(regressions)} of {suite.name}'s tests pass on CPython {cpython.python} and not "
        f"inside Pyodide (seed {seed}):\n{_describe(regressions)}"
    )


@pytest.mark.parametrize("suite", SUITES, ids=lambda suite: suite.name)
def test_every_exclusion_still_names_a_test(on_cpython: dict[str, Future], suite: Suite) -> None:
    left_out = [
        test
        for test, each in on_cpython[suite.name].result().outcomes.items()
        if each["outcome"] == "excluded"
    ]
    stale = [
        pattern
        for pattern in suite.excluded
        if not any(fnmatch.fnmatchcase(test, pattern) for test in left_out)
    ]
    assert not stale, f"these exclusions match no test of {suite.name} any more: {stale}"
