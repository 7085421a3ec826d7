"""What a browser cannot do is refused as CPython would refuse it, with the message
runner/needs.json gives (its "refusal"s, passed to the runner's Python at start-up), and
the run's limit names what the browser lacks. (Threads are not refused here: the harness
has the simulated threads installed.)"""

from __future__ import annotations

import json

import pytest

from guide import paths

REFUSALS = {
    need: about.get("refusal")
    for need, about in json.loads((paths.RUNNER / "needs.json").read_text())["needs"].items()
}

PROGRAMS = {
    "processes": ("import os\nos.system('ls')\n", "OSError"),
    "sockets": ("import socket\nsocket.create_connection(('example.org', 80))\n", "OSError"),
    "input": ("name = input('Your name? ')\n", "EOFError"),
}


@pytest.mark.parametrize("need", sorted(PROGRAMS))
def test_what_a_browser_cannot_do_is_refused_with_the_message_of_needs_json(
    pyodide, need: str
) -> None:
    code, error = PROGRAMS[need]
    result = pyodide.run(code, needs="")
    assert result.status == "failed", result.raw
    assert result.raw["limit"] == {"kind": need}
    assert REFUSALS[need] and result.error.endswith(f"{error}: {REFUSALS[need]}\n"), result.error
