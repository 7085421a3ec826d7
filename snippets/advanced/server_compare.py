# /// script
# [tool.guide]
# varies = "every figure except the number of requests answered"
# check = "property"
# timeout = 30
# ///
"""Run the five servers of this page under the same load, each in a fresh interpreter, and compare."""

import re
import subprocess
import sys
from pathlib import Path

STEPS = {
    "1 blocking, one client at a time": "server_blocking.py",
    "2 a thread per connection": "server_threads.py",
    "3 selectors reactor": "server_selectors.py",
    "4 generator coroutines": "server_generators.py",
    "5 asyncio": "server_asyncio.py",
}
FIGURES = {
    "answered": r"answered (\d+) of",
    "seconds": r"requests in ([\d.]+) s",
    "req/s": r"throughput ([\d,]+) requests/s",
    "median ms": r"median ([\d.]+) ms",
    "p90 ms": r"90th percentile ([\d.]+) ms",
    "worst ms": r"worst ([\d.]+) ms",
}


def measure(script: str) -> list[str]:
    path = Path(__file__).with_name(script)
    result = subprocess.run(
        [sys.executable, str(path)], capture_output=True, text=True, timeout=20, check=True
    )
    return [re.search(pattern, result.stdout)[1] for pattern in FIGURES.values()]


if __name__ == "__main__":
    print(f"{'server':<34}" + "".join(f"{name:>10}" for name in FIGURES))
    for label, script in STEPS.items():
        print(f"{label:<34}" + "".join(f"{figure:>10}" for figure in measure(script)))
