"""How many cores' worth of CPU-bound work this machine runs side by side right now.

A speed-up demo can only show its speed-up when the machine gives it the cores: this
machine's host takes its second core away for seconds at a time (and reports no steal
time), and a contributor's laptop may be busy. `parallel_capacity()` is a short
calibration: the same pure-Python loop runs in one process alone, then in `workers`
processes at once (twice over), and the ratio says how many cores' worth of work ran side
by side: about 2.0 on an idle two-core machine, about 1.0 when the second core is gone.

The measurement runs in a fresh interpreter (this file run as a script), so that it
neither depends on nor disturbs the state of the process that asks. Standard library only.
"""

from __future__ import annotations

import json
import multiprocessing
import subprocess
import sys
import time

LOOPS = 4_000_000  # one pass of the loop: about 0.1 s alone on this machine
TIMEOUT = 60.0  # seconds for a whole calibration, however busy the machine


def spin(loops: int) -> int:
    """The fixed amount of pure CPU work (no I/O, no allocation to speak of)."""
    total = 0
    for i in range(loops):
        total += i
    return total


def _spin_on_request(conn, loops: int) -> None:
    """In a worker: run `spin` each time the parent sends True; send back when it ran."""
    while conn.recv():
        start = time.monotonic()  # system-wide clock, comparable between processes
        spin(loops)
        conn.send((start, time.monotonic()))


def measure(workers: int = 2, loops: int = LOOPS, rounds: int = 2) -> dict:
    """In each round, run the loop in one worker alone, then in all of them at once.

    "capacity" is the work done side by side per second relative to one process alone:
    workers * alone / together, with the fastest lone run (the one least slowed by other
    programs: a lone run that shared a core would fake a second one) and the slowest
    simultaneous one, from its first start to its last end (a moment without the cores in
    any round counts)."""
    context = multiprocessing.get_context("spawn")  # a clean interpreter on every platform
    pipes, processes = [], []
    for _ in range(workers):
        parent_end, child_end = context.Pipe()
        process = context.Process(target=_spin_on_request, args=(child_end, loops), daemon=True)
        process.start()
        pipes.append(parent_end)
        processes.append(process)
    alone, together = [], []
    try:
        for round_ in range(rounds):
            lone = pipes[round_ % workers]  # each worker in turn
            lone.send(True)
            start, end = lone.recv()
            alone.append(end - start)
            for conn in pipes:
                conn.send(True)
            spans = [conn.recv() for conn in pipes]
            together.append(max(end for _, end in spans) - min(start for start, _ in spans))
        for conn in pipes:
            conn.send(False)
    finally:
        for process in processes:
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
    capacity = workers * min(alone) / max(together)
    return {"alone": alone, "together": together, "capacity": capacity}


def parallel_capacity(workers: int = 2, python: str = sys.executable) -> float:
    """How many cores' worth of work `workers` CPU-bound processes get at once right now:
    about `workers` on an idle machine with that many cores, less when cores are missing."""
    result = subprocess.run(
        [python, __file__, str(workers)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"the core calibration failed:\n{result.stdout}{result.stderr}")
    return json.loads(result.stdout)["capacity"]


if __name__ == "__main__":
    print(json.dumps(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 2)))
