"""Explore (guide_runner.explore, what the page's Explore button runs): one program under
many seeds of the simulated threads, grouped into its distinct outcomes."""

from __future__ import annotations

import sys

from guide import paths

SNIPPETS = paths.ROOT / "snippets" / "problems"
SEEDS = range(1, 13)


def _outcomes():
    """guide_runner.explore.outcomes, from the runner's source (it runs on CPython too)."""
    path = paths.ROOT / "runner" / "guide_runner" / "explore.py"
    source = path.read_text().replace("from .program import run\n", "run = None\n")
    module = type(sys)("explore_outcomes")
    exec(compile(source, str(path), "exec"), vars(module))
    return module.outcomes


def _explore(pyodide, name: str) -> list[dict]:
    code = (SNIPPETS / name).read_text()
    answer = pyodide.explore(code, SEEDS, filename=f"snippets/problems/{name}")
    assert answer["ended"] == "done", answer
    assert [run["seed"] for run in answer["runs"]] == list(SEEDS)
    return _outcomes()(answer["runs"])


def test_lost_updates_has_many_outcomes(pyodide) -> None:
    outcomes = _explore(pyodide, "lost_updates.py")
    assert len(outcomes) > 1, outcomes
    assert all(outcome["ending"] == "finished" for outcome in outcomes)
    assert all(outcome["output"].startswith("expected 4,000, counted") for outcome in outcomes)
    assert sum(outcome["count"] for outcome in outcomes) == len(SEEDS)


def test_locked_fix_has_one_outcome(pyodide) -> None:
    outcomes = _explore(pyodide, "lost_updates_lock.py")
    assert len(outcomes) == 1, outcomes
    assert outcomes[0]["output"] == "expected 4,000, counted 4,000\nlost updates: 0"
    assert outcomes[0]["seeds"] == list(SEEDS)


def test_deadlock_demo_deadlocks(pyodide) -> None:
    outcomes = _explore(pyodide, "deadlock_forever.py")
    endings = {outcome["ending"] for outcome in outcomes}
    assert "deadlock" in endings, outcomes


def test_a_seed_replays_its_outcome(pyodide) -> None:
    code = (SNIPPETS / "lost_updates.py").read_text()
    answer = pyodide.explore(code, [7, 7])
    first, second = answer["runs"]
    assert first["output"] == second["output"]
    single = pyodide.run(code, seed=7)
    assert single.output.rstrip("\n") == first["output"]
