"""The census (tests/snippets/census.py) picks the snippets whose runs can differ."""

from __future__ import annotations

from guide import snippet_metadata

from .census import selected

SNIPPETS = snippet_metadata.all_snippets()


def test_the_census_runs_varying_and_timed_snippets_that_end() -> None:
    names = {s.name for s in selected(SNIPPETS)}
    assert "problems/unfair_lock.py" in names  # varies, and is timed
    assert "threads/race_and_lock.py" in names  # varies
    assert "threads/barrier.py" not in names  # exact output: one run says it all
    assert "problems/deadlock_forever.py" not in names  # varies, but never ends
    for snippet in SNIPPETS:
        wanted = (snippet.varies or snippet.retries) and not snippet.blocks
        runnable = snippet.skip_reason() is None
        assert (snippet.name in names) == bool(wanted and runnable), snippet.name


def test_the_census_can_narrow_to_one_snippet() -> None:
    assert [s.name for s in selected(SNIPPETS, "unfair_lock")] == ["problems/unfair_lock.py"]
