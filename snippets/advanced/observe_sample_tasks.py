# /// script
# requires-python = ">=3.15"
# [tool.guide]
# varies = "the sample counts"
# check = "property"
# ///
"""Attach the 3.15 sampling profiler to a running asyncio program: where each task waits."""

import asyncio
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter


def crunch() -> None:  # blocks the event loop for 20 ms
    end = time.perf_counter() + 0.02
    while time.perf_counter() < end:
        pass


async def cruncher() -> None:
    for _ in range(600):  # about 18 s: the parent stops it sooner
        crunch()
        await asyncio.sleep(0.01)


async def poller() -> None:
    for _ in range(40):
        await asyncio.sleep(0.5)


async def main() -> None:
    async with asyncio.TaskGroup() as group:
        group.create_task(cruncher(), name="cruncher")
        group.create_task(poller(), name="poller")
        print("ready", flush=True)


def profile_child() -> None:
    child = subprocess.Popen([sys.executable, __file__, "child"], stdout=subprocess.PIPE)
    child.stdout.readline()  # wait until the tasks exist
    for mode in ("running", "all"):  # the task on the CPU, or every task
        print(f"--async-mode {mode}")
        for task, top in attach(child.pid, mode).items():
            shown = ", ".join(f"{f} {n}" for f, n in top[:2])
            print(f"  task {task:8}:", shown or "no samples")
    child.terminate()
    child.wait()


def attach(pid: int, mode: str) -> dict[str, list[tuple[str, int]]]:
    with tempfile.NamedTemporaryFile("r", suffix=".txt") as out:
        command = [sys.executable, "-m", "profiling.sampling", "attach", str(pid), "-d", "1"]
        command += ["--async-aware", "--async-mode", mode, "--collapsed", "-o", out.name]
        subprocess.run(command, capture_output=True, check=True)
        samples: Counter[tuple[str, str]] = Counter()
        for stack, count in (line.rsplit(" ", 1) for line in out.read().splitlines()):
            frames = stack.split(";")
            tasks = [f.split(":")[1] for f in frames if f.startswith("<task>:")]
            if tasks:  # innermost task, innermost frame
                function = re.sub(r":\d+$", "", frames[-1])
                samples[tasks[-1], function] += int(count)
    tops: dict[str, list[tuple[str, int]]] = {"cruncher": [], "poller": []}
    for (task, function), count in samples.most_common():
        if task in tops:
            tops[task].append((function, count))
    return tops


if __name__ == "__main__":
    if sys.argv[1:] == ["child"]:
        asyncio.run(main())
    else:
        profile_child()
