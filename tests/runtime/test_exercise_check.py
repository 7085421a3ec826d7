"""Check (guide_runner.check_seeds, what the page's Check button runs): an exercise's program
under several seeds, each run judged by its check.py; the first failure ends the check."""

from __future__ import annotations

from guide import exercises as exercise_files

SEEDS = range(1, 21)


def _check(pyodide, exercise_id: str, which: str, seeds=SEEDS) -> dict:
    exercise = exercise_files.find(exercise_id)
    return pyodide.check_seeds(
        exercise.text(f"{which}.py"),
        seeds,
        exercise.text("check.py"),
        filename=f"exercises/{exercise_id}/{which}.py",
        needs=exercise.kind,
    )


def test_the_start_fails_with_its_checks_reason(pyodide) -> None:
    exercise = exercise_files.find("threads/exact_counter")
    answer = _check(pyodide, exercise.id, "start")
    assert answer["ended"] == "failed", answer
    *passed, failed = answer["runs"]
    assert all(run["verdict"] is None for run in passed)
    assert failed["verdict"] == exercise.check()(failed["output"] + "\n")
    assert failed["verdict"]


def test_the_solution_passes_every_seed(pyodide) -> None:
    answer = _check(pyodide, "threads/exact_counter", "solution", range(1, 6))
    assert answer["ended"] == "done", answer
    assert [run["seed"] for run in answer["runs"]] == [1, 2, 3, 4, 5]
    assert all(run["verdict"] is None for run in answer["runs"])


def test_a_deadlock_or_an_exception_fails_whatever_check_says(pyodide) -> None:
    lenient = "def check(output):\n    return None\n"
    deadlock = "import threading\nlock = threading.Lock()\nlock.acquire()\nlock.acquire()\n"
    answer = pyodide.check_seeds(deadlock, [1, 2], lenient, needs="threads")
    assert answer["ended"] == "failed" and len(answer["runs"]) == 1, answer
    assert "deadlocked" in answer["runs"][0]["verdict"]
    answer = pyodide.check_seeds("print('hi')\nraise ValueError('no')\n", [1], lenient, needs="")
    assert answer["ended"] == "failed", answer
    assert "ValueError: no" in answer["runs"][0]["verdict"]
