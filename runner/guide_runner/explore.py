"""Exploring schedules: one program run under many seeds of the simulated threads, without
timelines, each run reduced to its outcome (how it ended and what it printed).

worker.js calls explore() batch by batch (so that it can report progress and take a Stop
between batches); the runtime tests call it too, through tests/runtime/harness.mjs, and
group the runs with outcomes(). asyncio programs are not explored: the runner's event loop
(loop.py) runs ready tasks in the order they became ready whatever the seed, so only
threads vary."""

from __future__ import annotations

import json
import sys
import time

from .program import run

# How a run ended, as the page names it: exited (SystemExit with a status) counts as
# finished, with its status in the output's place.
ENDINGS = {
    "finished": "finished",
    "exited": "finished",
    "failed": "exception",
    "deadlocked": "deadlock",
}


def _normalised(text: str) -> str:
    """The output without trailing spaces on its lines and without trailing blank lines."""
    return "\n".join(line.rstrip() for line in text.splitlines()).rstrip("\n")


def _last_line(error: str | None) -> str:
    lines = [line for line in (error or "").splitlines() if line.strip()]
    return lines[-1].strip() if lines else ""


def run_seed(code: str, filename: str, needs: str, seed: int, first_line: int = 1) -> dict:
    """Run the program once under `seed`; return {seed, ending, output, detail, status,
    restart}: ending is finished, exception, deadlock (or stopped), output what it wrote to
    stdout and stderr (normalised), detail the exception's last line or the exit status."""
    written: list[str] = []
    streams = [sys.__stdout__, sys.__stderr__]
    emits = [stream._emit for stream in streams]
    for stream in streams:
        stream._emit = lambda fd, text: written.append(text)
    try:
        result = json.loads(
            run(code, filename, "", needs, seed, first_line=first_line, timeline=False)
        )
    finally:
        for stream, emit in zip(streams, emits, strict=True):
            stream._emit = emit
    status = result["status"]
    detail = ""
    if status == "exited":
        detail = f"exit status {result['exit_code']}"
    elif status == "failed":
        detail = _last_line(result.get("error"))
    return {
        "seed": result.get("seed", seed),
        "ending": ENDINGS.get(status, status),
        "output": _normalised("".join(written)),
        "detail": detail,
        "status": status,
        "restart": bool(result.get("restart")),
    }


def run_seeds(
    code: str,
    filename: str,
    needs: str,
    seeds,
    first_line: int = 1,
    seconds: float | None = None,
    verdict=None,
) -> dict:
    """Run the program under each of `seeds` until `seconds` have passed (if given) or a
    run is stopped or leaves the interpreter unusable; with `verdict` (a function of a run
    that returns None or why it failed), each run gets its verdict and the first failure
    ends the series. {runs: [run_seed(...)], ended: "done", "budget", "stopped", "restart"
    or "failed"}."""
    start = time.monotonic()
    runs = []
    ended = "done"
    for seed in list(seeds):
        if seconds is not None and runs and time.monotonic() - start >= seconds:
            ended = "budget"
            break
        one = run_seed(code, filename, needs, int(seed), first_line)
        if one["status"] == "stopped":
            ended = "stopped"
            break
        if verdict is not None:
            one["verdict"] = verdict(one)
        runs.append(one)
        if one["restart"]:
            ended = "restart"
            break
        if verdict is not None and one["verdict"] is not None:
            ended = "failed"
            break
    return {"runs": runs, "ended": ended}


def explore(
    code: str,
    filename: str,
    needs: str,
    seeds,
    *,
    first_line: int = 1,
    seconds: float | None = None,
) -> str:
    """Run the program under each of `seeds` (until `seconds` have passed, if given, or a
    run is stopped or leaves the interpreter unusable); return the runs as JSON: {runs:
    [run_seed(...), ...], ended: "done", "budget", "stopped" or "restart"}."""
    return json.dumps(run_seeds(code, filename, needs, seeds, first_line, seconds))


def outcomes(runs: list[dict]) -> list[dict]:
    """The distinct outcomes of `runs`, most frequent first: {ending, output, detail, count,
    seeds}."""
    grouped: dict[tuple[str, str, str], dict] = {}
    for one in runs:
        key = (one["ending"], one["output"], one["detail"])
        outcome = grouped.setdefault(
            key,
            {"ending": key[0], "output": key[1], "detail": key[2], "count": 0, "seeds": []},
        )
        outcome["count"] += 1
        outcome["seeds"].append(one["seed"])
    return sorted(grouped.values(), key=lambda outcome: -outcome["count"])
