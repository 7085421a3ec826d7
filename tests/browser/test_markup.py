"""How a block marked `run: browser` is rendered for the runner (guide/hooks/examples.py);
no browser needed."""

from __future__ import annotations

import pytest

from guide import snippet_metadata
from guide.hooks import examples


def some_snippet(*, with_metadata: bool) -> snippet_metadata.Snippet:
    for path in sorted(snippet_metadata.SNIPPETS.glob("*/*.py")):
        try:
            snippet = snippet_metadata.read(path)
        except ValueError:
            continue  # another test reports a malformed snippet
        if (snippet.body_start_line > 1) == with_metadata and snippet.recordable:
            return snippet
    pytest.fail("no snippet to render")


def test_a_runnable_block_carries_what_the_runner_needs() -> None:
    snippet = some_snippet(with_metadata=True)
    recorded = {snippet.name: {"python": "CPython 3.13.0", "exit_code": 0}}
    html = examples.render(snippet, {"run": "browser", "session": "demo"}, recorded)
    assert 'data-run="browser"' in html
    assert f'data-first-line="{snippet.body_start_line}"' in html
    assert 'data-recorded="CPython 3.13.0"' in html
    assert 'data-session="demo"' in html


def test_a_block_without_run_is_rendered_as_before() -> None:
    snippet = some_snippet(with_metadata=False)
    html = examples.render(snippet, {"output": "false"}, {})
    assert html.startswith(
        f'<div class="guide-example" data-snippet="{snippet.name}" markdown="1">'
    )


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"run": "browser", "section": "main"}, "whole program"),
        ({"session": "demo"}, "session goes with run: browser"),
        ({"run": "pyodide"}, "run must be 'browser'"),
        ({"run": "browser", "session": "two words"}, "session must be a word"),
    ],
)
def test_wrong_options_are_refused(options, message) -> None:
    snippet = some_snippet(with_metadata=False)
    with pytest.raises(ValueError, match=message):
        examples.render(snippet, options, {})


@pytest.mark.parametrize(
    ("code", "needs"),
    [
        ("import asyncio\nasyncio.run(main())\n", ["asyncio"]),
        ("from concurrent.futures import ThreadPoolExecutor\n", ["threads"]),
        ("import threading\n", ["threads"]),
        ("async def f():\n    await asyncio.to_thread(g)\n", ["threads"]),
        ("import multiprocessing\n", ["processes"]),
        ("import subprocess\n", ["processes"]),
        ("import os\nos.fork()\n", ["processes"]),
        (
            "import asyncio\nasync def f():\n    await asyncio.open_connection('h', 1)\n",
            ["sockets"],
        ),
        ("import urllib.request\n", ["sockets"]),
        ("print('hello')\n", []),
    ],
)
def test_what_a_program_needs_is_read_from_its_code(code, needs) -> None:
    assert examples.browser_needs(code) == needs
