# /// script
# requires-python = ">=3.14"
# [tool.guide]
# varies = "only where the system forbids reading another process's memory: then the tools refuse, and the example prints why"
# check = "property"
# ///
"""python -m asyncio ps / pstree (3.14) on a live program: which task awaits which, from outside."""

import itertools
import re
import subprocess
import sys
import tempfile
from pathlib import Path

CRAWLER = """\
import asyncio

async def fetch(page, parked, all_parked):
    parked.append(page)
    if len(parked) == 2:
        all_parked.set()
    await asyncio.sleep(3600)  # a server that never answers

async def crawl(parked, all_parked):
    async with asyncio.TaskGroup() as group:
        for page in (1, 2):
            group.create_task(fetch(page, parked, all_parked), name=f"fetch-{page}")

async def main():
    all_parked = asyncio.Event()
    crawler = asyncio.create_task(crawl([], all_parked), name="crawler")
    await all_parked.wait()
    print("ready", flush=True)
    await crawler

asyncio.run(main())
"""
COLUMNS = ("task name", "coroutine stack", "awaiter chain", "awaiter name")


def columns_of(table: str) -> list[tuple[str, ...]]:
    """The readable columns of `ps` (ids and thread numbers differ on every run)."""
    header, _, *rows = table.splitlines()
    starts = {name: header.index(name) for name in (*COLUMNS, "awaiter id")}
    edges = [starts[name] for name in (*COLUMNS, "awaiter id")]
    return [tuple(row[a:b].strip() for a, b in itertools.pairwise(edges)) for row in rows]


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "crawler.py"
        script.write_text(CRAWLER)
        child = subprocess.Popen([sys.executable, script], stdout=subprocess.PIPE, text=True)
        try:
            assert child.stdout.readline() == "ready\n"
            for command in ("ps", "pstree"):
                tool = [sys.executable, "-m", "asyncio", command, str(child.pid)]
                done = subprocess.run(tool, capture_output=True, text=True, timeout=30)
                print(f"$ python -m asyncio {command} PID")
                if done.returncode != 0:  # e.g. ptrace forbidden: see the page
                    print(f"refused: {done.stderr.splitlines()[0]}")
                    break
                if command == "ps":
                    rows = [COLUMNS, *sorted(columns_of(done.stdout))]
                    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
                    for row in rows:
                        print(
                            "  ".join(
                                f"{cell:<{width}}" for cell, width in zip(row, widths, strict=True)
                            ).rstrip()
                        )
                else:  # file paths and the standard library's line numbers vary
                    text = done.stdout.replace(folder + "/", "")
                    print(re.sub(r"/\S+/(asyncio/\w+\.py):\d+", r"\1", text).rstrip())
        finally:
            child.kill()
            child.wait()
