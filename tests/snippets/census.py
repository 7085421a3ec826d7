"""How often does each varying snippet hold its check? python -m tests.snippets.census

Runs every snippet whose output varies, and every timing demo (`retries`), many times on
this Python and prints each one's failure rate. Each run is judged exactly as the test
suite judges it (tests/snippets/test_snippets.py), except that it gets one attempt: a
snippet's `retries` would hide how often an attempt fails. A run the suite would skip (a
speed-up measured while the machine lacked the cores) counts as inconclusive, not failed.

    python -m tests.snippets.census [--runs 50] [--timing-runs 10] [-k unfair] [--jobs 1]

Exits 1 when any run failed. Run it alone on the machine: other work upsets the timings.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest

from guide import snippet_metadata
from guide.snippet_metadata import Snippet

from . import test_snippets


def selected(snippets: list[Snippet], substring: str = "") -> list[Snippet]:
    """The snippets whose output varies or whose check is timed, that this Python can run
    and that end by themselves."""
    return [
        s
        for s in snippets
        if (s.varies or s.retries)
        and not s.blocks
        and s.skip_reason() is None
        and substring in s.name
    ]


def judge(snippet: Snippet) -> tuple[str, str]:
    """One attempt, judged as the test suite judges it: ("passed" | "failed" |
    "inconclusive", what went wrong)."""
    try:
        test_snippets.test_snippet(dataclasses.replace(snippet, retries=0))
    except pytest.skip.Exception as skipped:
        return "inconclusive", str(skipped)
    except Exception as error:  # an AssertionError, a TimeoutError: the suite fails on any
        return "failed", f"{type(error).__name__}: {error}"
    return "passed", ""


@dataclasses.dataclass
class Tally:
    snippet: Snippet
    outcomes: Counter = dataclasses.field(default_factory=Counter)
    first_failure: str = ""
    seconds: float = 0.0

    @property
    def runs(self) -> int:
        return sum(self.outcomes.values())

    @property
    def rate(self) -> float:
        return self.outcomes["failed"] / self.runs if self.runs else 0.0


def census(snippet: Snippet, runs: int, jobs: int) -> Tally:
    tally = Tally(snippet)
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        for outcome, message in pool.map(lambda _: judge(snippet), range(runs)):
            tally.outcomes[outcome] += 1
            if outcome == "failed" and not tally.first_failure:
                tally.first_failure = message
    tally.seconds = time.perf_counter() - started
    return tally


def shorten(message: str, width: int = 110) -> str:
    text = " ".join(message.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def row(tally: Tally) -> str:
    o = tally.outcomes
    return (
        f"{tally.snippet.name:<44} {tally.runs:>4} {o['failed']:>5} {o['inconclusive']:>5} "
        f"{tally.rate:>6.0%} {tally.seconds:>7.1f}  {shorten(tally.first_failure)}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50, help="runs of each fast snippet")
    parser.add_argument(
        "--timing-runs", type=int, default=10, help="runs of each timing demo (0: none)"
    )
    parser.add_argument("-k", default="", help="only snippets whose name contains this")
    parser.add_argument("--jobs", type=int, default=1, help="runs at once (1: timings alone)")
    args = parser.parse_args(argv)
    snippets = selected(snippet_metadata.all_snippets(), args.k)
    version = sys.version.split()[0]
    print(f"census on CPython {version}: {len(snippets)} snippets", flush=True)
    header = f"{'snippet':<44} {'runs':>4} {'fail':>5} {'inconc':>5} {'rate':>6} {'seconds':>7}"
    print(header + "  first failure", flush=True)
    tallies = []
    for snippet in snippets:
        runs = args.timing_runs if snippet.retries else args.runs
        if not runs:
            continue
        tallies.append(census(snippet, runs, args.jobs))
        print(row(tallies[-1]), flush=True)
    failing = [t for t in tallies if t.outcomes["failed"]]
    total = sum(t.runs for t in tallies)
    failed = sum(t.outcomes["failed"] for t in tallies)
    print(f"\nCPython {version}: {len(tallies)} snippets, {total} runs, {failed} failed")
    for tally in failing:
        print(row(tally))
    for tally in failing:  # in full, to see why
        print(f"\n{tally.snippet.name}, first failure:\n{tally.first_failure[:1500]}")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
