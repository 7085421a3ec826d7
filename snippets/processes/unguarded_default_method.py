# /// script
# [tool.guide]
# varies = "the default start method (fork on Linux before 3.14, forkserver since), and so the outcome; the parent's error on 3.14 and later (3.14: ConnectionResetError, 3.15: BrokenProcessPool)"
# check = "property"
# ///
"""One unguarded pool program with the default start method: works on Linux up to 3.13, fails from 3.14."""

import re
import subprocess
import sys
import tempfile
from pathlib import Path

UNGUARDED = """\
import multiprocessing
from concurrent.futures import ProcessPoolExecutor

def square(n):
    return n * n

print("default start method:", multiprocessing.get_start_method())
with ProcessPoolExecutor(max_workers=2) as pool:
    print("squares:", list(pool.map(square, range(5))))
"""

if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "unguarded.py"
        script.write_text(UNGUARDED)
        run = subprocess.run(
            [sys.executable, script], capture_output=True, text=True, cwd=folder, timeout=60
        )
    lines = run.stdout.splitlines()
    print(f"Python {sys.version_info[0]}.{sys.version_info[1]} on {sys.platform}, {lines[0]}")
    runs = sum(line.startswith("default start method") for line in lines)
    print(
        f"the script's top level ran {runs} time(s): the parent, then each worker that imported it"
    )
    print(f"squares printed: {[line for line in lines if line.startswith('squares')] or 'none'}")
    print(f"exit code {run.returncode}")
    if "bootstrapping phase" in run.stderr:
        print(
            "a worker re-imported the script, reached the pool and refused to start another process"
        )
        errors = re.findall(r"^([\w.]+(?:Error|Pool)):", run.stderr, re.MULTILINE)
        print(f"the parent's last error: {errors[-1].rpartition('.')[2]}")
