"""MkDocs hook: `/// exercise | section/name` and `/// exercise-list | section` blocks.

In a page:

    /// exercise | threads/exact_counter
    ///

becomes, from the files of exercises/threads/exact_counter/ (theme/hooks/exercise_files.py):
a heading (the exercise's title, anchored at its name), the task, the starting program as a
runnable block that readers edit and run in the page, then, collapsed, the hint, the model
solution and what the checker checks (with check.py). The runnable block is the markup the
examples hook makes for `run: browser` (its attributes come from examples.py), with a second
class, `guide-exercise`, and `data-exercise="section/name"`, by which the in-page Check can
find the exercise's files. The two classes keep it out of the examples' browser tests, which
compare a run with a recording; an exercise has none (tests/exercises/ checks it instead).

    /// exercise-list | threads
    ///

lists the section's exercises (`all` for every section), each title linked to its
exercise, with its task.

The site publishes each exercise's four files as they are, plain text, for the browser:
assets/exercises/<section>/<name>/{start.py,solution.py,check.py,exercise.toml}, and an
index of them all, assets/exercises/index.json.
"""

from __future__ import annotations

import json
import posixpath
import re

from guide import exercises as exercise_files
from guide import page_blocks
from guide.hooks import examples

BLOCKS = {kind: page_blocks.block_pattern(kind) for kind in ("exercise", "exercise-list")}
ASSETS = "assets/exercises"
PAGE = "exercises.md"  # docs/<section>/exercises.md holds a section's exercises


def _indented(text: str, prefix: str = "    ") -> list[str]:
    return [prefix + line if line else "" for line in text.splitlines()]


def _fence(code: str, title: str) -> list[str]:
    if "```" in code:
        raise ValueError(f"{title} contains ``` and cannot be shown in a fence")
    return [f'```python title="{title}"', *code.rstrip("\n").splitlines(), "```"]


def runnable_block(exercise: exercise_files.Exercise) -> list[str]:
    """The starting program as the examples hook renders a `run: browser` block."""
    program = exercise.program("start")
    attributes = examples._run_attributes(program, {"run": "browser"}, {})
    opening = (
        f'<div class="guide-example guide-exercise" data-snippet="{program.name}"'
        f' data-filename="{program.name}"'
        f'{attributes} data-exercise="{exercise.id}" markdown="1">'
    )
    return [opening, "", *_fence(exercise.text("start.py"), program.name), "", "</div>"]


def render(exercise: exercise_files.Exercise) -> str:
    """The Markdown that stands for one exercise block."""
    solution = exercise.program("solution").name
    check = f"exercises/{exercise.id}/check.py"
    runs = "once" if exercise.runs == 1 else f"{exercise.runs} times"
    lines = [
        f"## {exercise.title} {{#{exercise.name}}}",
        "",
        f"**Task.** {exercise.task}",
        "",
        *runnable_block(exercise),
        "",
        '??? tip "Hint"',
        "",
        *_indented(exercise.hint),
        "",
        '??? success "A model solution"',
        "",
        *_indented("\n".join(_fence(exercise.text("solution.py"), solution))),
        "",
        f'??? info "What the checker checks: {exercise.property}"',
        "",
        *_indented(
            "A run passes when the program ends by itself, without an exception, and its "
            "output passes `check` below. The starting program fails it: "
            f"{exercise.failure}\n\n"
            f"The test suite runs the starting program and the solution {runs} each on every "
            "tested CPython: the starting program must fail at least once, the solution "
            "every time."
        ),
        "",
        *_indented("\n".join(_fence(exercise.text("check.py"), check))),
        "",
    ]
    return "\n".join(lines)


def render_list(section: str, page_uri: str) -> str:
    """A list of the section's exercises (or of all), linked from the page at `page_uri`."""
    chosen = [e for e in exercise_files.all_exercises() if section in ("all", e.section)]
    if not chosen:
        raise ValueError(f"no exercises in section {section!r}")
    here = posixpath.dirname(page_uri)
    lines = []
    for exercise in chosen:
        target = posixpath.relpath(f"{exercise.section}/{PAGE}", here or ".")
        lines.append(f"- [{exercise.title}]({target}#{exercise.name}) — {exercise.task}")
    return "\n".join(lines) + "\n"


def _expand(kind: str, markdown: str, page, make) -> str:
    def expand(match: re.Match) -> str:
        where = f"{page.file.src_uri}: {kind} {match['name']}"
        try:
            page_blocks.block_options(match["options"], kind=kind, known=set(), where=where)
            block = make(match["name"])
        except (FileNotFoundError, ValueError) as error:
            raise SystemExit(f"{where}: {error}") from error
        indent = match["indent"]
        return "\n".join(indent + line if line else "" for line in block.splitlines())

    return BLOCKS[kind].sub(expand, markdown)


def on_page_markdown(markdown: str, page, config, files) -> str:
    markdown = _expand("exercise", markdown, page, lambda name: render(exercise_files.find(name)))
    return _expand(
        "exercise-list", markdown, page, lambda name: render_list(name, page.file.src_uri)
    )


def index(exercises: list[exercise_files.Exercise]) -> list[dict]:
    """assets/exercises/index.json: what the browser needs to find and judge each one."""
    return [
        {
            "id": e.id,
            "title": e.title,
            "kind": e.kind,
            "property": e.property,
            "runs": e.runs,
            "timeout": e.timeout,
            "page": f"{e.section}/exercises/#{e.name}",
            "files": {file: f"{e.id}/{file}" for file in exercise_files.FILES},
        }
        for e in exercises
    ]


def on_files(files, config):
    from mkdocs.structure.files import (
        File,
    )  # the build's; the tests import this hook without MkDocs

    exercises = exercise_files.all_exercises()
    for exercise in exercises:
        for file in exercise_files.FILES:
            files.append(
                File.generated(
                    config, f"{ASSETS}/{exercise.id}/{file}", content=exercise.text(file)
                )
            )
    listing = json.dumps(index(exercises), indent=2, ensure_ascii=False) + "\n"
    files.append(File.generated(config, f"{ASSETS}/index.json", content=listing))
    return files
