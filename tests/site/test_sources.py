"""The page sources: every piece of Python in them is run by some test."""

from __future__ import annotations

import re

from guide import snippet_metadata

from .pages import example_names, fences, markdown_pages

PYTHONISH = re.compile(r"^\{?\s*\.?(py|python|python3|pycon|ipython|py3)\b", re.IGNORECASE)
SHELLISH = re.compile(r"^\{?\s*\.?(sh|bash)\b")


def test_every_python_fence_is_run_by_pytest_codeblocks() -> None:
    # pytest-codeblocks collects a fence only when its info string is exactly "python";
    # `py`, `pycon` or a titled fence would be shown to readers and run by nothing.
    untested = [
        str(fence)
        for page in markdown_pages()
        for fence in fences(page)
        if PYTHONISH.match(fence.info) and fence.info != "python"
    ]
    assert not untested, "use ```python or an `/// example` block: " + ", ".join(untested)


def test_no_python_fence_includes_a_file() -> None:
    # pytest-codeblocks would run a `--8<--` line as Python; snippets go in example blocks.
    including = [
        str(fence)
        for page in markdown_pages()
        for fence in fences(page)
        if fence.info == "python" and "--8<--" in fence.body
    ]
    assert not including, "show snippet files with `/// example`: " + ", ".join(including)


def test_shell_fences_are_not_executed_by_accident() -> None:
    # pytest-codeblocks runs ```sh and ```bash blocks; commands for readers go in ```console.
    shell = [
        str(fence)
        for page in markdown_pages()
        for fence in fences(page)
        if SHELLISH.match(fence.info) and "pytest" not in fence.marker
    ]
    assert not shell, "use ```console for commands shown to readers: " + ", ".join(shell)


def test_every_snippet_is_shown_on_a_page() -> None:
    shown = {name for page in markdown_pages() for name in example_names(page)}
    snippets = {s.name for s in snippet_metadata.all_snippets()}
    assert snippets - shown == set(), f"snippets no page shows: {sorted(snippets - shown)}"
    assert shown - snippets == set(), f"examples of missing snippets: {sorted(shown - snippets)}"


def test_the_fence_reader_finds_indented_titled_and_nested_fences(tmp_path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "Text\n\n"
        "```py\nx = 1\n```\n\n"
        '=== "Tab"\n\n    ```python title="t.py"\n    y = 2\n    ```\n\n'
        "<!--pytest.mark.skip-->\n````text\n```python\nnot a fence\n```\n````\n\n"
        "```python\nz = 3\n```\n",
        encoding="utf-8",
    )
    found = [(f.info, f.body.strip(), f.marker) for f in fences(page)]
    assert found == [
        ("py", "x = 1", ""),
        ('python title="t.py"', "y = 2", ""),
        ("text", "```python\nnot a fence\n```", "<!--pytest.mark.skip-->"),
        ("python", "z = 3", ""),
    ]
