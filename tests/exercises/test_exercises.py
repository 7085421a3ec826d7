"""Every exercise is real on CPython: its starting program fails its check within the
exercise's bounded number of runs, and its model solution passes the check in every run.

Each program runs as the snippet tests run a snippet (tests/snippets/runner.py: a fresh
interpreter, the same environment, a timeout). The starting program must fail because its
check caught it, not because it crashed or hung: it must end normally."""

from __future__ import annotations

import sys

import pytest

from guide import exercises as exercise_files
from guide.hooks import examples
from guide.running import run

EXERCISES = exercise_files.all_exercises()
IDS = [exercise.id for exercise in EXERCISES]
TAUGHT = {"threads", "processes", "asyncio", "problems"}  # sections with exercises


def _shown(output: str) -> str:
    return "\n".join("    " + line for line in output.splitlines()) or "    (no output)"


@pytest.mark.parametrize("exercise", EXERCISES, ids=IDS)
def test_the_starting_program_fails_its_check(exercise: exercise_files.Exercise) -> None:
    check = exercise.check()
    for attempt in range(1, exercise.runs + 1):
        result = run(exercise.program("start"))
        assert result.returncode == 0, (
            f"start.py run {attempt} ended with exit code {result.returncode}: it should end "
            f"normally and be caught by its check\n{_shown(result.output)}"
        )
        if check(result.output) is not None:
            return
    pytest.fail(
        f"start.py passed its check in all {exercise.runs} runs; the last printed:\n"
        f"{_shown(result.output)}"
    )


@pytest.mark.parametrize("exercise", EXERCISES, ids=IDS)
def test_the_solution_passes_its_check_in_every_run(exercise: exercise_files.Exercise) -> None:
    check = exercise.check()
    for attempt in range(1, exercise.runs + 1):
        result = run(exercise.program("solution"))
        reason = exercise_files.verdict(check, result.output, result.returncode)
        assert reason is None, (
            f"solution.py run {attempt} of {exercise.runs}: {reason}\n{_shown(result.output)}"
        )


def test_there_are_exercises_in_every_section_that_teaches_a_model() -> None:
    assert len(EXERCISES) >= 10, IDS
    assert {exercise.section for exercise in EXERCISES} >= TAUGHT, IDS


@pytest.mark.parametrize("exercise", EXERCISES, ids=IDS)
def test_the_check_runs_unchanged_in_the_browser(exercise: exercise_files.Exercise) -> None:
    # Pyodide runs check.py on each seed's output: standard library only, no files.
    assert exercise_files.check_imports(exercise.text("check.py")) == []
    # Output without the lines the check looks for (a program that crashed early) fails.
    reason = exercise.check()("")
    assert isinstance(reason, str) and reason, f"check('') returned {reason!r}"


@pytest.mark.parametrize("exercise", EXERCISES, ids=IDS)
def test_both_programs_are_complete_and_of_their_kind(exercise: exercise_files.Exercise) -> None:
    for which in ("start", "solution"):
        source = exercise.text(f"{which}.py")
        assert 'if __name__ == "__main__":' in source, f"{which}.py has no __main__ guard"
        # What the in-page runner must know the program uses is what the exercise says.
        assert exercise.kind in examples.browser_needs(source), (which, exercise.kind)
        assert len(source.splitlines()) <= 60, f"{which}.py is longer than 60 lines"
        imported = examples.ast.parse(source)
        for node in examples.ast.walk(imported):
            names = []
            if isinstance(node, examples.ast.Import):
                names = [alias.name.partition(".")[0] for alias in node.names]
            elif isinstance(node, examples.ast.ImportFrom):
                names = [(node.module or "").partition(".")[0]]
            for name in names:
                assert name in sys.stdlib_module_names, f"{which}.py imports {name}"
