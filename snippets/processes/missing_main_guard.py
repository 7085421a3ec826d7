"""Without the __main__ guard, spawn (and forkserver) children fail: show the error, then the fix."""

import subprocess
import sys
import tempfile
from pathlib import Path

BODY = """\
import multiprocessing

def greet():
    print("hello from the child")

{start}
"""
START = """\
context = multiprocessing.get_context("spawn")
process = context.Process(target=greet)
process.start()
process.join()
print("parent: child exit code", process.exitcode)
"""
GUARDED = 'if __name__ == "__main__":\n' + "".join(f"    {line}\n" for line in START.splitlines())


def run(program: str) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "program.py"
        script.write_text(program)
        return subprocess.run([sys.executable, script], capture_output=True, text=True, cwd=folder)


def first_paragraph_after(marker: str, text: str) -> str:
    after = text.split(marker, 1)[1].strip()
    return " ".join(after.split("\n\n")[0].split())


if __name__ == "__main__":
    unguarded = run(BODY.format(start=START))
    print("without the guard:")
    print("  the child re-imported the script and failed with RuntimeError:")
    print(f"    {first_paragraph_after('RuntimeError:', unguarded.stderr)}")
    print(f"  {unguarded.stdout.strip()}")

    guarded = run(BODY.format(start=GUARDED))
    print("with the guard:")
    for line in guarded.stdout.splitlines():
        print(f"  {line}")
