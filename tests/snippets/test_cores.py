"""The judge of speed-up checks: a missing speed-up is skipped only when a calibration found
the cores busy, never a wrong answer. The calibrations are injected, not measured, except in
one sanity check of parallel_capacity with wide bounds."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from types import SimpleNamespace

import pytest

from guide import running, snippet_metadata
from guide.properties import PROPERTIES, SpeedUpCheckFailed, assert_no_speed_up, assert_speed_up
from guide.running import retry_on_failure

from . import calibration, conftest, test_snippets
from .calibration import SKIPPED, CoresMissing, beside_calibration
from .cores import parallel_capacity

IDLE, BUSY = 1.95, 1.05  # what parallel_capacity(2) measures with and without a free core
TREE = PROPERTIES["processes/tree_reduction.py"]
TREE_RECORDED = """product of 16 matrices, top-left entry 692720
one after another: 0.34 s (15 multiplications)
tree on 2 workers: 0.20 s (4 rounds)
speed-up: 1.7x  (best of 7 runs each)
"""


def calibrations(*figures: float):
    """A stand-in for parallel_capacity that returns `figures` one after the other."""
    remaining: Iterator[float] = iter(figures)

    def capacity(workers: int) -> float:
        assert workers == 2
        return next(remaining)

    return capacity


def tree_output(product: int = 692720, rounds: int = 4, speed_up: float = 1.7) -> str:
    return (
        f"product of 16 matrices, top-left entry {product}\n"
        "one after another: 0.34 s (15 multiplications)\n"
        f"tree on 2 workers: 0.20 s ({rounds} rounds)\n"
        f"speed-up: {speed_up}x  (best of 7 runs each)\n"
    )


def tree_check(output: str):
    return lambda: TREE(output, TREE_RECORDED)


def test_a_missing_speed_up_without_a_second_core_is_inconclusive() -> None:
    for before, after in [(BUSY, IDLE), (IDLE, BUSY), (BUSY, BUSY)]:
        with pytest.raises(CoresMissing) as missing:
            beside_calibration(
                tree_check(tree_output(speed_up=1.0)), 2, capacity=calibrations(before, after)
            )
        assert str(missing.value).startswith(SKIPPED), missing.value
        assert f"{before:.2f}" in str(missing.value) and f"{after:.2f}" in str(missing.value)


def test_a_missing_speed_up_with_two_free_cores_is_a_failure() -> None:
    with pytest.raises(SpeedUpCheckFailed) as failure:
        beside_calibration(
            tree_check(tree_output(speed_up=1.1)), 2, capacity=calibrations(IDLE, 1.9)
        )
    assert not isinstance(failure.value, CoresMissing)
    assert "only 1.10x faster" in str(failure.value) and "1.95" in str(failure.value)


@pytest.mark.parametrize(
    "output",
    [tree_output(product=692721, speed_up=1.0), tree_output(rounds=5, speed_up=1.0)],
    ids=["wrong product", "wrong number of rounds"],
)
def test_a_wrong_answer_fails_however_busy_the_machine(output: str) -> None:
    with pytest.raises(AssertionError) as failure:
        beside_calibration(tree_check(output), 2, capacity=calibrations(BUSY, BUSY))
    assert not isinstance(failure.value, SpeedUpCheckFailed | CoresMissing), failure.value


def test_a_speed_up_that_shows_passes_however_the_calibration_went() -> None:
    calibration = beside_calibration(
        tree_check(tree_output()), 2, capacity=calibrations(BUSY, IDLE)
    )
    assert (calibration.before, calibration.after, calibration.had_the_cores) == (BUSY, IDLE, False)


def test_the_recorder_takes_a_run_only_when_it_had_the_cores() -> None:
    with pytest.raises(CoresMissing, match="the check held"):
        beside_calibration(
            tree_check(tree_output()), 2, even_if_it_holds=True, capacity=calibrations(IDLE, BUSY)
        )
    calibration = beside_calibration(
        tree_check(tree_output()), 2, even_if_it_holds=True, capacity=calibrations(IDLE, IDLE)
    )
    assert calibration.had_the_cores


def test_the_threshold_lies_between_one_and_two_cores() -> None:
    assert calibration.Calibration(2, 1.7, 2.0).had_the_cores
    assert not calibration.Calibration(2, 1.69, 2.0).had_the_cores
    assert not calibration.Calibration(2, 2.0, 1.3).had_the_cores


@pytest.fixture
def no_pauses(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(running, "pause_before_retry", lambda attempt: None)


@pytest.mark.parametrize(
    ("figures", "outcome"),
    [
        ((BUSY, BUSY, IDLE, IDLE, BUSY, IDLE), CoresMissing),  # the last attempt lacked a core
        ((BUSY, BUSY, BUSY, BUSY, IDLE, IDLE), SpeedUpCheckFailed),  # the last one had both cores
    ],
)
def test_the_last_attempt_decides(no_pauses, figures, outcome) -> None:
    capacity = calibrations(*figures)
    with pytest.raises(AssertionError) as failure:
        retry_on_failure(
            lambda: beside_calibration(tree_check(tree_output(speed_up=1.2)), 2, capacity=capacity),
            retries=2,
        )
    assert type(failure.value) is outcome


def test_a_snippet_test_skips_with_the_reason(monkeypatch, no_pauses) -> None:
    snippet = snippet_metadata.find("processes/tree_reduction.py")
    figures = iter([BUSY, IDLE] * (snippet.retries + 1))
    monkeypatch.setattr(calibration, "parallel_capacity", lambda workers: next(figures))
    monkeypatch.setattr(
        test_snippets, "run_and_check", lambda s: TREE(tree_output(speed_up=1.1), TREE_RECORDED)
    )
    with pytest.raises(pytest.skip.Exception) as skipped:
        test_snippets.test_snippet(snippet)
    assert str(skipped.value).startswith(SKIPPED), skipped.value
    # ... and a wrong answer is a failure, not a skip, with the same calibrations.
    figures = iter([BUSY, IDLE] * (snippet.retries + 1))
    monkeypatch.setattr(
        test_snippets, "run_and_check", lambda s: TREE(tree_output(product=1), TREE_RECORDED)
    )
    try:
        with pytest.raises(AssertionError, match="the product never changes"):
            test_snippets.test_snippet(snippet)
    except pytest.skip.Exception as skip:  # not an AssertionError: it would skip this test
        pytest.fail(f"a wrong answer was skipped: {skip}")


def test_a_busy_machine_ends_the_retries_after_three_attempts(monkeypatch, no_pauses) -> None:
    snippet = snippet_metadata.find("processes/tree_reduction.py")
    assert snippet.retries + 1 > test_snippets.MOST_ATTEMPTS_WITHOUT_CORES
    monkeypatch.setattr(calibration, "parallel_capacity", lambda workers: BUSY)
    runs = []

    def slow_tree(s) -> None:
        runs.append(s)
        TREE(tree_output(speed_up=1.1), TREE_RECORDED)

    monkeypatch.setattr(test_snippets, "run_and_check", slow_tree)
    with pytest.raises(pytest.skip.Exception) as skipped:
        test_snippets.test_snippet(snippet)
    assert str(skipped.value).startswith(SKIPPED), skipped.value
    assert len(runs) == test_snippets.MOST_ATTEMPTS_WITHOUT_CORES


def test_the_summary_counts_the_skips_for_missing_cores() -> None:
    def report(name: str, reason: str) -> SimpleNamespace:
        nodeid = f"tests/snippets/test_snippets.py::test_snippet[{name}]"
        return SimpleNamespace(nodeid=nodeid, longrepr=("file.py", 1, f"Skipped: {reason}"))

    lines: list[str] = []
    reporter = SimpleNamespace(stats={}, write_line=lines.append)
    conftest.pytest_terminal_summary(reporter)
    reporter.stats["skipped"] = [
        report("processes/word_count.py", f"{SKIPPED} two processes only 1.10x faster"),
        report("foundations/subinterpreters_cpu_bound.py", "needs Python >= 3.14"),
    ]
    conftest.pytest_terminal_summary(reporter)
    assert lines == [
        "speed-up checks skipped for lack of free cores: 0",
        "speed-up checks skipped for lack of free cores: 1 (processes/word_count.py)",
    ]


def test_speed_up_checks_and_needs_cores_go_together() -> None:
    """A property that asserts a speed-up belongs to a snippet that declares the cores it
    needs (else a busy machine turns it red), and the other way round."""
    for snippet in snippet_metadata.all_snippets():
        prop = PROPERTIES.get(snippet.name)
        asserts_speed_up = prop is not None and "assert_speed_up(" in inspect.getsource(prop)
        assert asserts_speed_up == (snippet.needs_cores > 1), snippet.name


def test_the_speed_up_assertions() -> None:
    assert_speed_up(1.3, 1.3, "two processes")
    with pytest.raises(SpeedUpCheckFailed, match=r"two processes only 1\.29x faster"):
        assert_speed_up(1.29, 1.3, "two processes")
    assert_no_speed_up(1.29, 1.3, "threads")
    with pytest.raises(SpeedUpCheckFailed, match=r"threads ran 1\.30x faster"):
        assert_no_speed_up(1.3, 1.3, "threads")


def test_needs_cores_is_read_from_the_metadata(tmp_path) -> None:
    header = '# /// script\n# [tool.guide]\n# varies = "the timings"\n# check = "{}"\n{}# ///\n'
    path = tmp_path / "demo.py"
    path.write_text(header.format("property", "# needs-cores = 2\n") + "print(1)\n")
    assert snippet_metadata.read(path).needs_cores == 2
    path.write_text(header.format("property", "") + "print(1)\n")
    assert snippet_metadata.read(path).needs_cores == 1
    path.write_text(header.format("numbers-masked", "# needs-cores = 2\n") + "print(1)\n")
    with pytest.raises(ValueError, match="needs-cores"):
        snippet_metadata.read(path)


def test_parallel_capacity_is_sane_here() -> None:
    # About 2 on an idle two-core machine, about 1 when the second core is taken (less when
    # the first is shared too); never much more than the two processes could do.
    capacity = parallel_capacity(2)
    assert 0.2 < capacity < 2.5, capacity
