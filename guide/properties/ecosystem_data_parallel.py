"""Properties of the data-parallel examples in Advanced (joblib)."""

from . import holds_for, number


@holds_for("advanced/joblib_reuse.py")
def the_second_call_reuses_the_workers(output: str, recorded: str) -> None:
    assert "the main process ran none of the tasks: True\n" in output
    assert "same executor on the next request: True\n" in output
    first = number(r"first call \(starts 2 worker processes\): ([\d.]+) s", output)
    second = number(r"second call \(reuses them\): ([\d.]+) s", output)
    # The first call starts two interpreters that import joblib (at least 0.1 s of CPU
    # each); the second only sends 8 tiny tasks through the pipes they already have.
    assert second < first, output
