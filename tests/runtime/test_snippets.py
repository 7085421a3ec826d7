"""A sample of the guide's own threading snippets (snippets/), run under the simulated-thread
runtime and checked as tests/snippets checks them on CPython: exactly, or with the same
invariant (guide/properties/). The browser tests run every runnable one."""

from __future__ import annotations

import pytest

from guide import snippet_metadata
from guide.checks import check, trim_lines

SAMPLE = [
    "threads/race_and_lock.py",
    "threads/rlock.py",
    "threads/condition_buffer.py",
    "threads/barrier.py",
    "threads/queue_workers.py",
    "threads/pipeline.py",
    "threads/pool_map.py",
    "threads/pool_as_completed.py",
    "threads/thread_local.py",
    "threads/timer.py",
    "threads/excepthook.py",
    "threads/daemon_threads.py",
    "threads/switch_interval.py",
    "problems/lost_updates.py",
    "problems/lost_updates_lock.py",
    "problems/check_then_act.py",
    "problems/deadlock_detected.py",
    "problems/philosophers_deadlock.py",
    "problems/philosophers_hierarchy.py",
    "problems/lock_timeout.py",
    "problems/unfair_lock.py",
    "problems/fair_lock.py",
    "problems/sleep_releases_gil.py",
    "problems/switch_interval.py",
    "advanced/publication_event.py",
    "advanced/rwlock.py",
    "asyncio/to_thread.py",
    "asyncio/thread_feeds_queue.py",
    "asyncio/run_coroutine_threadsafe.py",
]


normalise = trim_lines


@pytest.mark.parametrize("name", SAMPLE)
def test_snippet_holds_its_cpython_invariant(pyodide, name: str) -> None:
    snippet = snippet_metadata.find(name)
    result = pyodide.run(snippet.body(), filename=name, seed=2024)
    assert result.status == "finished", f"{result.status}: {result.error}\n{result.output}"
    recorded = normalise(snippet.output_path.read_text(encoding="utf-8"))
    check(snippet, normalise(result.output), recorded)


def test_the_deadlock_demo_ends_with_a_report_instead_of_hanging(pyodide) -> None:
    snippet = snippet_metadata.find("problems/deadlock_forever.py")
    assert snippet.blocks, "the snippet hangs by design on CPython"
    result = pyodide.run(snippet.body(), filename=snippet.name, seed=2024)
    assert result.status == "deadlocked"
    # What it printed before the deadlock is what CPython printed before hanging.
    recorded = normalise(snippet.output_path.read_text(encoding="utf-8")).splitlines()
    assert sorted(normalise(result.output).splitlines()) == sorted(recorded)
    assert "waits for Lock locks['Y'], held by Thread-2 (transfer)" in result.error
    assert "waits for Lock locks['X'], held by Thread-1 (transfer)" in result.error
    assert "Wait-for cycle:" in result.error and "CPython would hang here" in result.error
