"""Census of the exercises on one CPython: every round runs each exercise's starting program
and its solution as many times as the exercise says (all runs, not stopping at the first
failure, to count how often each fails) and tallies the verdicts test_exercises.py would give:
wrong when no run of the starting program failed its check, or any run of the solution did.

    python -m tests.exercises.census --rounds 20 [-k threads/]
"""

from __future__ import annotations

import argparse
import platform
import time
from collections import defaultdict

from guide import exercises as exercise_files
from guide.running import run


def one_run(exercise: exercise_files.Exercise, which: str) -> tuple[str | None, str, float]:
    """(why the run fails or None, its output, seconds)."""
    check = exercise.check()
    try:
        result = run(exercise.program(which))
    except TimeoutError as error:
        return exercise_files.verdict(check, "", None), str(error), float(exercise.timeout)
    reason = exercise_files.verdict(check, result.output, result.returncode)
    return reason, result.output, result.seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("-k", default="", help="only exercises whose id contains this")
    args = parser.parse_args()
    exercises = [e for e in exercise_files.all_exercises() if args.k in e.id]
    failed = defaultdict(lambda: {"start": 0, "solution": 0})
    runs = defaultdict(lambda: {"start": 0, "solution": 0})
    seconds = defaultdict(list)
    wrong = defaultdict(int)
    began = time.perf_counter()
    for round_number in range(1, args.rounds + 1):
        wrong_now = []
        for exercise in exercises:
            outcome = {}
            for which in ("start", "solution"):
                failures = 0
                for _ in range(exercise.runs):
                    reason, output, took = one_run(exercise, which)
                    runs[exercise.id][which] += 1
                    seconds[exercise.id].append(took)
                    if reason is not None:
                        failures += 1
                        if which == "solution":
                            print(f"  {exercise.id} solution failed: {reason}\n{output}")
                failed[exercise.id][which] += failures
                outcome[which] = failures
            if outcome["start"] == 0 or outcome["solution"] > 0:
                wrong[exercise.id] += 1
                wrong_now.append(exercise.id)
        print(
            f"round {round_number}/{args.rounds}: wrong verdicts {wrong_now or 'none'} "
            f"({time.perf_counter() - began:.0f} s so far)",
            flush=True,
        )
    print(f"\nCPython {platform.python_version()}, {args.rounds} rounds")
    print(f"{'exercise':32} {'start failed':>14} {'solution failed':>16} {'wrong':>6} {'s/run':>6}")
    for exercise in exercises:
        key = exercise.id
        mean = sum(seconds[key]) / len(seconds[key])
        print(
            f"{key:32} {failed[key]['start']:>7}/{runs[key]['start']:<6} "
            f"{failed[key]['solution']:>8}/{runs[key]['solution']:<7} {wrong[key]:>6} {mean:>6.2f}"
        )
    print(f"wrong verdicts: {sum(wrong.values())} of {args.rounds * len(exercises)}")


if __name__ == "__main__":
    main()
