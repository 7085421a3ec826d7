# /// script
# [tool.guide]
# varies = "the answers, which depend on the version and the build of the interpreter"
# check = "property"
# ///
"""Ask a fresh interpreter to switch the GIL off or on, and see what each build does."""

import os
import subprocess
import sys

PROBE = "import sys; print('GIL enabled:', getattr(sys, '_is_gil_enabled', lambda: True)())"


def try_it(label: str, options: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(
        [sys.executable, *options, "-c", PROBE],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
    )
    first_line = (result.stdout or result.stderr).splitlines()[0]
    print(f"{label:<14} exit {result.returncode}: {first_line}")


if __name__ == "__main__":
    print(f"Python {sys.version.split()[0]}")
    try_it("(no option)", [], {})
    try_it("-X gil=0", ["-X", "gil=0"], {})
    try_it("-X gil=1", ["-X", "gil=1"], {})
    try_it("PYTHON_GIL=0", [], {"PYTHON_GIL": "0"})
