"""Properties of the data-parallel examples in Advanced (joblib, Numba)."""

import re

from . import assert_speed_up, holds_for, number


@holds_for("advanced/joblib_reuse.py")
def the_second_call_reuses_the_workers(output: str, recorded: str) -> None:
    assert "the main process ran none of the tasks: True\n" in output
    assert "same executor on the next request: True\n" in output
    first = number(r"first call \(starts 2 worker processes\): ([\d.]+) s", output)
    second = number(r"second call \(reuses them\): ([\d.]+) s", output)
    # The first call starts two interpreters that import joblib (at least 0.1 s of CPU
    # each); the second only sends 8 tiny tasks through the pipes they already have.
    assert second < first, output


@holds_for("advanced/numba_prange.py")
def prange_gives_the_same_total_faster(output: str, recorded: str) -> None:
    assert output.splitlines()[0] == recorded.splitlines()[0], "the total never changes"
    assert "on 2 threads" in output  # Numba starts one thread per core: 2 here
    speed_up = number(r"speed-up: ([\d.]+)x", output)
    assert_speed_up(speed_up, 1.3, "the prange loop on two threads")


@holds_for("advanced/numba_compile_cost.py")
def the_first_call_compiles(output: str, recorded: str) -> None:
    results = re.findall(r"ms  -> ([\d,]+)$", output, re.MULTILINE)
    assert results == ["1,834,604"] * 4, output  # the same answer, Python or compiled
    assert "compiled for: [(int64,)]" in output
    python = number(r"plain Python\s+([\d.]+) ms", output)
    first = number(r"first call \(compiles\)\s+([\d.]+) ms", output)
    later = min(
        number(r"second call\s+([\d.]+) ms", output), number(r"third call\s+([\d.]+) ms", output)
    )
    # Idle: about 300 ms of Python, 300 ms or more to compile, 2 ms compiled. A busy
    # machine stretches every figure; the best of two compiled runs stays far below.
    assert first > 10 * later, output
    assert python > 5 * later, output
