"""Checking an exercise: the reader's program run under several seeds (explore.run_seed,
without timelines), each run judged by the exercise's check.py as guide/exercises.py's
`verdict` judges a run on CPython: a run passes only if it ended by itself without an
exception (exit status 0), did not deadlock, and `check(output)` returned None.

worker.js calls check_seeds() batch by batch, as it calls explore(); the page (check.js)
fetches check.py from the site's published exercise files and passes its text."""

from __future__ import annotations

import json

from .explore import run_seeds


def load_check(source: str, filename: str):
    """check.py's `check` function, from its text, in a fresh namespace."""
    namespace: dict = {"__name__": "exercise_check"}
    exec(compile(source, filename, "exec"), namespace)
    check = namespace.get("check")
    if not callable(check):
        raise ValueError(f"{filename} defines no function check(output)")
    return check


def judge(check, one: dict) -> str | None:
    """None when the run `one` (run_seed's answer) passes; otherwise why it failed."""
    if one["ending"] == "deadlock":
        return "The program deadlocked: every thread was waiting and none could go on."
    if one["status"] == "failed":
        return f"The program raised an exception: {one['detail']}"
    if one["status"] == "exited" and one["detail"] != "exit status 0":
        return f"The program ended with {one['detail']}."
    if one["ending"] != "finished":
        return f"The program did not finish ({one['status']})."
    try:
        reason = check(one["output"] + "\n" if one["output"] else "")
    except Exception as error:  # a check that fails on odd output judges the run failed
        return f"The check could not read the output ({type(error).__name__}: {error})."
    return None if reason is None else str(reason)


def check_seeds(
    code: str,
    filename: str,
    needs: str,
    seeds,
    *,
    check_source: str,
    check_filename: str = "check.py",
    first_line: int = 1,
    seconds: float | None = None,
) -> str:
    """Run the program under each of `seeds` and judge each run, until one fails (or
    `seconds` have passed, or a run is stopped or leaves the interpreter unusable); return
    JSON {runs: [run_seed(...) + {verdict}], ended: "done", "failed", "budget", "stopped" or
    "restart"}."""
    check = load_check(check_source, check_filename)
    series = run_seeds(
        code, filename, needs, seeds, first_line, seconds, verdict=lambda one: judge(check, one)
    )
    return json.dumps(series)
