"""The snippet runner starts each example with Ctrl-C working, whatever the suite inherited."""

from __future__ import annotations

import signal

from guide import running, snippet_metadata
from guide.checks import check, trim_lines


def test_a_snippet_gets_ctrl_c_even_when_the_suite_ignores_it() -> None:
    # A suite started as a background job inherits SIGINT ignored; the examples that send
    # themselves Ctrl-C must still print what they print from a terminal (their recording).
    snippet = snippet_metadata.find("asyncio/shutdown_run_ctrl_c.py")
    recorded = trim_lines(snippet.output_path.read_text(encoding="utf-8"))
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        result = running.run(snippet)
    finally:
        signal.signal(signal.SIGINT, previous)
    check(snippet, trim_lines(result.output), recorded)
