"""The exercises under exercises/<section>/<name>/: read one, list them all, judge a run.

Each exercise is a folder of four plain-text files:

    start.py        the broken program the reader starts from (standard library only)
    solution.py     a model solution
    check.py        the property: `check(output: str) -> str | None` (None: the run passes;
                    otherwise why it fails, in a sentence for the reader). Standard library
                    only and no file access, so that Pyodide can run it unchanged on the
                    output of each seed
    exercise.toml   what the page and the checker need (KEYS below)

A run passes when the program ended by itself with exit code 0 and `check(output)` returned
None (`verdict`); the browser's Check judges each seed the same way.

Shared by the site build (theme/hooks/exercises.py) and the tests (tests/exercises/); it
needs only the standard library of Python 3.11.
"""

from __future__ import annotations

import ast
import sys
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import snippet_metadata

EXERCISES = Path(__file__).resolve().parents[1] / "exercises"
SECTIONS = ("foundations", "threads", "processes", "asyncio", "problems", "advanced")
FILES = ("start.py", "solution.py", "check.py", "exercise.toml")
KINDS = ("threads", "asyncio", "processes")  # what the program runs on
MAX_RUNS = 5  # the CPython checker's bound on runs per program
# exercise.toml: key -> (type, what it holds)
KEYS = {
    "title": (str, "a short imperative title: 'Make the counter exact'"),
    "task": (str, "the task, one or two sentences (Markdown)"),
    "hint": (str, "a hint, shown collapsed (Markdown)"),
    "property": (str, "the name of the property the checker checks"),
    "failure": (str, "what a failing run of the starting code looks like, in words"),
    "kind": (str, f"what it runs on: {', '.join(KINDS)}"),
    "runs": (int, f"how many runs the CPython checker makes, 1 to {MAX_RUNS}"),
    "timeout": (int, "seconds before one run counts as hung (default 20)"),
}
OPTIONAL = {"timeout": 20}

Check = Callable[[str], "str | None"]


@dataclass(frozen=True)
class ExerciseProgram(snippet_metadata.Snippet):
    """start.py or solution.py, as the snippet runner and the examples hook take a program:
    a Snippet whose name is its path from the repository root."""

    label: str = ""

    @property
    def name(self) -> str:
        return self.label


@dataclass(frozen=True)
class Exercise:
    section: str
    name: str
    title: str
    task: str
    hint: str
    property: str
    failure: str
    kind: str
    runs: int
    timeout: int

    @property
    def id(self) -> str:
        """'threads/exact_counter': how pages and the browser name it."""
        return f"{self.section}/{self.name}"

    @property
    def folder(self) -> Path:
        return EXERCISES / self.section / self.name

    def text(self, file: str) -> str:
        """One of FILES, as text."""
        if file not in FILES:
            raise ValueError(f"an exercise has no file {file!r} (it has {', '.join(FILES)})")
        return (self.folder / file).read_text(encoding="utf-8")

    def program(self, which: str) -> ExerciseProgram:
        """'start' or 'solution' as a program the snippet runner can run."""
        if which not in ("start", "solution"):
            raise ValueError(f"which is 'start' or 'solution', not {which!r}")
        path = self.folder / f"{which}.py"
        return ExerciseProgram(
            path=path, timeout=float(self.timeout), label=f"exercises/{self.id}/{which}.py"
        )

    def check(self) -> Check:
        """The `check` function of check.py, compiled from its text as Pyodide will."""
        return load_check(self.text("check.py"), f"exercises/{self.id}/check.py")


def load_check(source: str, filename: str = "check.py") -> Check:
    namespace: dict = {"__name__": "exercise_check"}
    exec(compile(source, filename, "exec"), namespace)
    check = namespace.get("check")
    if not callable(check):
        raise ValueError(f"{filename} defines no function check(output)")
    return check


def verdict(check: Check, output: str, exit_code: int | None) -> str | None:
    """None when a run passes; otherwise why it failed. `exit_code` None: it never ended."""
    if exit_code is None:
        return "The program did not end within its time limit (a deadlock, or a loop that never stops)."
    if exit_code != 0:
        return f"The program ended with exit code {exit_code} (an uncaught exception?)."
    return check(output)


def check_imports(source: str) -> list[str]:
    """What in a check.py would not run unchanged in Pyodide on a page: imports outside the
    standard library or that reach files, processes or the network, and open()."""
    forbidden = {"os", "io", "pathlib", "shutil", "subprocess", "socket", "tempfile", "glob"}
    problems = []
    for node in ast.walk(ast.parse(source)):
        modules = []
        if isinstance(node, ast.Import):
            modules = [alias.name.partition(".")[0] for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            modules = [(node.module or "").partition(".")[0]]
        for module in modules:
            if module not in sys.stdlib_module_names or module in forbidden:
                problems.append(f"imports {module}")
        if isinstance(node, ast.Name) and node.id in {"open", "__import__", "exec", "eval"}:
            problems.append(f"uses {node.id}")
    return problems


def read(folder: Path) -> Exercise:
    """The exercise in `folder` (exercises/<section>/<name>); ValueError when malformed."""
    section, name = folder.parent.name, folder.name
    where = f"exercises/{section}/{name}"
    if section not in SECTIONS:
        raise ValueError(f"{where}: the section must be one of {', '.join(SECTIONS)}")
    missing = [file for file in FILES if not (folder / file).is_file()]
    if missing:
        raise ValueError(f"{where}: missing {', '.join(missing)}")
    data = tomllib.loads((folder / "exercise.toml").read_text(encoding="utf-8"))
    unknown = set(data) - set(KEYS)
    if unknown:
        raise ValueError(f"{where}/exercise.toml: unknown keys {sorted(unknown)}")
    values = {**OPTIONAL, **data}
    for key, (kind, meaning) in KEYS.items():
        if key not in values:
            raise ValueError(f"{where}/exercise.toml: missing {key} ({meaning})")
        if not isinstance(values[key], kind) or isinstance(values[key], bool):
            raise ValueError(f"{where}/exercise.toml: {key} must be a {kind.__name__}")
    if values["kind"] not in KINDS:
        raise ValueError(f"{where}/exercise.toml: kind must be one of {', '.join(KINDS)}")
    if not 1 <= values["runs"] <= MAX_RUNS:
        raise ValueError(f"{where}/exercise.toml: runs must be 1 to {MAX_RUNS}")
    return Exercise(section=section, name=name, **{key: values[key] for key in KEYS})


def all_exercises() -> list[Exercise]:
    """Every exercise, sorted by section (in the guide's order), then by name."""
    folders = [p.parent for p in EXERCISES.glob("*/*/exercise.toml")]
    order = {section: index for index, section in enumerate(SECTIONS)}
    folders.sort(key=lambda p: (order.get(p.parent.name, len(order)), p.name))
    return [read(folder) for folder in folders]


def find(exercise_id: str) -> Exercise:
    """The exercise 'section/name'; FileNotFoundError when there is none."""
    folder = EXERCISES / exercise_id
    if exercise_id.count("/") != 1 or not (folder / "exercise.toml").is_file():
        raise FileNotFoundError(f"no exercise {exercise_id!r} under exercises/")
    return read(folder)
