# /// script
# requires-python = ">=3.15"
# [tool.guide]
# varies = "the sample counts"
# check = "property"
# ///
"""Profile a threaded program with the 3.15 sampling profiler: where each thread spends its time."""

import re
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter


def busy(seconds: float) -> None:  # burns CPU
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


def waits(seconds: float) -> None:  # holds no CPU
    time.sleep(seconds)


def workload() -> None:  # the child: two named threads, one busy, one waiting
    threads = [threading.Thread(target=f, args=(0.5,), name=f.__name__) for f in (busy, waits)]
    for thread in threads:
        thread.start()
        print(thread.native_id, thread.name, flush=True)  # lets the parent name the tids
    for thread in threads:
        thread.join()


def profile(mode: str) -> None:
    with tempfile.NamedTemporaryFile("r", suffix=".txt") as out:
        command = [sys.executable, "-m", "profiling.sampling", "run", "--all-threads"]
        command += ["--mode", mode, "--collapsed", "-o", out.name, __file__, "child"]
        run = subprocess.run(command, capture_output=True, text=True, check=True)
        names = dict(line.split() for line in run.stdout.splitlines() if line[0].isdigit())
        samples: Counter[tuple[str, str]] = Counter()
        for stack, count in (line.rsplit(" ", 1) for line in out.read().splitlines()):
            tid, *frames = stack.split(";")  # "tid:123;file:func:line;...;innermost"
            function = re.sub(r":\d+$", "", frames[-1])
            samples[names.get(tid[4:], "main"), function] += int(count)
    print(f"--mode {mode}")
    for name in ("busy", "waits"):
        top = [(f, n) for (thread, f), n in samples.most_common() if thread == name]
        print(f"  thread {name:5}:", ", ".join(f"{f} {n}" for f, n in top[:1]) or "no samples")


if __name__ == "__main__":
    if sys.argv[1:] == ["child"]:
        workload()
    else:
        profile("wall")  # every sample: running or not
        profile("cpu")  # only samples where the thread was on a CPU
