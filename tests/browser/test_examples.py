"""Every runnable block of every page: Run, then compare what streamed into the page with
the output CPython recorded for the snippet (snippets/<section>/<name>.out).

How outputs are compared: as tests/snippets does (tests/snippets/checks.py), after the same
normalisation: exactly when the snippet declares no `varies`; otherwise with its `check`
(the same lines in any order, numbers masked, or the snippet's property function). Where
the recording ended with an exception, the frames of tracebacks are left out of both (the
page numbers lines from the top of the code it shows, without the metadata block; the
recording from the top of the file) and the exception lines must match.

A program that uses what a browser lacks (threads without JSPI, processes, sockets) must
instead end with the page's explanation and point to the recorded output; the block's
data-needs (found in the code at build time) must have predicted it. A program that never
ends by design must still be running after its `blocks-after` seconds, and Stop must end
it within a second (unless the simulated threads report the deadlock it hangs in).
"""

from __future__ import annotations

import time

import pytest

from guide import snippet_metadata
from guide.checks import check_against_recording
from guide.running import retry_on_failure

from .driver import BlockDriver, normalise

UNSUPPORTED = {"threads", "processes", "sockets"}


def test_runnable_block(block, example_pages, outside_requests) -> None:
    if block is None:
        pytest.fail("the built site has no runnable block (/// example ... run: browser)")
    page = example_pages.open(block.page)
    driver = BlockDriver(page, block.index)
    snippet = snippet_metadata.find(block.snippet)

    if snippet.blocks:
        driver.start()
        state = driver.wait_for_running_or_end()
        if state == "running":
            time.sleep(snippet.blocks_after)
            state = driver.state
        if state == "running":
            state, elapsed = driver.stop_and_time()
            assert state == "stopped" and elapsed < 1000, (state, elapsed)
            return
        if state == "deadlocked":  # simulated threads report it: see test_threads.py
            assert "CPython would hang here" in driver.stderr, driver.output
            return
        assert state == "unsupported", f"ended by itself ({state}): {driver.output}"
        check_output(driver, block, snippet, state)
    else:
        # A snippet whose check compares measured times declares retries, taken here as
        # in tests/snippets (a briefly busy machine upsets one run, not several spread out).
        def run_and_check() -> None:
            state = driver.run(timeout=snippet.timeout + 10)
            check_output(driver, block, snippet, state)

        retry_on_failure(run_and_check, snippet.retries)
    assert not outside_requests, f"requests left 127.0.0.1: {outside_requests}"
    assert not example_pages.errors, f"errors in the page: {example_pages.errors}"


def check_output(driver: BlockDriver, block, snippet: snippet_metadata.Snippet, state) -> None:
    """The run's end and output hold what CPython's recording of the snippet promises."""
    output = normalise(driver.output)
    if state == "unsupported":
        assert driver.limit in block.needs & UNSUPPORTED, (
            f"stopped for lack of {driver.limit}, but data-needs is {sorted(block.needs)}"
        )
        if block.recorded:
            assert f"recorded on {block.recorded}" in driver.note, driver.note
        return
    check_against_recording(snippet, state, output)
