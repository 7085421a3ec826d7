"""The exercise loader (theme/hooks/exercise_files.py): what it accepts and refuses."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from guide import exercises as exercise_files

TOML = """\
title = "Make it right"
task = "Fix it."
hint = "Look closer."
property = "it is right"
failure = "It is wrong."
kind = "threads"
runs = 2
"""


def make(tmp_path: Path, toml: str = TOML, section: str = "threads") -> Path:
    folder = tmp_path / section / "it"
    folder.mkdir(parents=True)
    for file in ("start.py", "solution.py"):
        (folder / file).write_text('if __name__ == "__main__":\n    print("hi")\n')
    (folder / "check.py").write_text("def check(output):\n    return None\n")
    (folder / "exercise.toml").write_text(toml)
    return folder


def test_an_exercise_reads_with_its_default_timeout(tmp_path: Path) -> None:
    exercise = exercise_files.read(make(tmp_path))
    assert (exercise.id, exercise.runs, exercise.timeout) == ("threads/it", 2, 20)
    assert exercise.program("start").name == "exercises/threads/it/start.py"


@pytest.mark.parametrize(
    ("toml", "section", "message"),
    [
        (TOML.replace('kind = "threads"', 'kind = "fibres"'), "threads", "kind must be one of"),
        (TOML.replace("runs = 2", "runs = 50"), "threads", "runs must be 1 to"),
        (TOML.replace("runs = 2", 'runs = "2"'), "threads", "runs must be a int"),
        (TOML.replace('hint = "Look closer."\n', ""), "threads", "missing hint"),
        (TOML + 'colour = "red"\n', "threads", "unknown keys ['colour']"),
        (TOML, "misc", "the section must be one of"),
    ],
)
def test_a_malformed_exercise_is_refused(tmp_path, toml, section, message) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        exercise_files.read(make(tmp_path, toml, section))


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    folder = make(tmp_path)
    (folder / "check.py").unlink()
    with pytest.raises(ValueError, match=re.escape("missing check.py")):
        exercise_files.read(folder)


def test_a_run_passes_only_when_it_ended_normally_and_the_check_holds() -> None:
    check = exercise_files.load_check(
        "def check(output):\n    return None if 'ok' in output else 'no ok'\n"
    )
    assert exercise_files.verdict(check, "ok\n", 0) is None
    assert exercise_files.verdict(check, "nope\n", 0) == "no ok"
    assert "exit code 1" in exercise_files.verdict(check, "ok\n", 1)
    assert "did not end" in exercise_files.verdict(check, "ok\n", None)


def test_a_check_that_reaches_outside_the_standard_library_or_files_is_found() -> None:
    found = exercise_files.check_imports("import os, re\nimport numpy\nopen('x')\n")
    assert found == ["imports os", "imports numpy", "uses open"]
    assert exercise_files.check_imports("import re\nfrom collections import Counter\n") == []


def test_an_unknown_exercise_is_not_found() -> None:
    with pytest.raises(FileNotFoundError, match=re.escape("no exercise 'threads/nothing'")):
        exercise_files.find("threads/nothing")
