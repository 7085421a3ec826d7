"""The exercises hook (theme/hooks/exercises.py): the markup the pages and the browser get."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from guide import exercises as exercise_files
from guide import paths
from guide.hooks import exercises

EXERCISE = exercise_files.find("threads/exact_counter")


def page(src_uri: str) -> SimpleNamespace:
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri))


def test_the_starting_program_is_a_runnable_block_the_runner_finds() -> None:
    markdown = exercises.render(EXERCISE)
    opening = re.search(r"<div [^>]*>", markdown)[0]
    # What theme/runner/runner.js selects, and what a later Check button looks for:
    assert 'class="guide-example guide-exercise"' in opening
    assert 'data-run="browser"' in opening and 'data-needs="threads"' in opening
    assert 'data-exercise="threads/exact_counter"' in opening
    assert 'data-snippet="exercises/threads/exact_counter/start.py"' in opening
    # The examples' browser tests compare runs with recordings; an exercise has none, so
    # their pattern for a runnable block (tests/browser/pages.py) must not pick it up.
    assert not re.match(r'<div class="guide-example"', opening)
    block = markdown[markdown.index(opening) : markdown.index("</div>")]
    assert EXERCISE.text("start.py").rstrip("\n") in block
    assert EXERCISE.text("solution.py").rstrip("\n") not in block


def test_hint_solution_and_check_follow_collapsed() -> None:
    markdown = exercises.render(EXERCISE)
    assert markdown.startswith(f"## {EXERCISE.title} {{#exact_counter}}\n")
    after = markdown[markdown.index("</div>") :]
    for title in ('??? tip "Hint"', '??? success "A model solution"', "??? info"):
        assert title in after, title
    indented = "\n".join(
        "    " + line if line else "" for line in EXERCISE.text("solution.py").splitlines()
    )
    assert indented in after
    assert "    def check(output: str) -> str | None:" in after
    assert EXERCISE.property in after


def test_a_page_block_expands_and_a_wrong_name_stops_the_build() -> None:
    text = "Intro\n\n/// exercise | threads/exact_counter\n///\n"
    assert 'data-exercise="threads/exact_counter"' in exercises.on_page_markdown(
        text, page("threads/exercises.md"), None, None
    )
    with pytest.raises(SystemExit, match="no exercise 'threads/nothing'"):
        exercises.on_page_markdown(
            "/// exercise | threads/nothing\n///\n", page("threads/exercises.md"), None, None
        )


def test_a_list_links_each_exercise_from_where_the_page_is() -> None:
    listed = exercises.on_page_markdown(
        "/// exercise-list | threads\n///\n", page("threads/index.md"), None, None
    )
    assert f"- [{EXERCISE.title}](exercises.md#exact_counter) — " in listed
    assert listed.count("\n- [") + listed.startswith("- [") == sum(
        e.section == "threads" for e in exercise_files.all_exercises()
    )


def test_the_browser_index_names_every_exercise_and_its_files() -> None:
    listing = exercises.index(exercise_files.all_exercises())
    assert [entry["id"] for entry in listing] == [e.id for e in exercise_files.all_exercises()]
    first = listing[0]
    assert first["files"]["check.py"] == f"{first['id']}/check.py"
    section, name = first["id"].split("/")
    assert first["page"] == f"{section}/exercises/#{name}"


def test_every_exercise_is_shown_once_on_its_sections_page_in_the_lists_order() -> None:
    docs = paths.DOCS
    shown = [
        (page.relative_to(docs).as_posix(), match["name"])
        for page in sorted(docs.rglob("*.md"))
        for match in exercises.BLOCKS["exercise"].finditer(page.read_text(encoding="utf-8"))
    ]
    expected = [
        (f"{exercise.section}/{exercises.PAGE}", exercise.id)
        for exercise in exercise_files.all_exercises()
    ]
    assert sorted(shown) == sorted(expected)
    for section in {exercise.section for exercise in exercise_files.all_exercises()}:
        page = f"{section}/{exercises.PAGE}"
        on_page = [name for where, name in shown if where == page]
        assert on_page == [name for where, name in expected if where == page], page
