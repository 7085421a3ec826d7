"""The recorded timeline figures: which snippets a page pictures with a timeline, where each
one's recording is kept, how it is made and read.

A page pictures a snippet with a block after its example:

    /// timeline | problems/deadlock_forever.py
    caption: Each thread holds one lock and waits for the other's.
    ///

`nox -s record` (tests/snippets/record.py) records such a snippet's timeline with record()
on the newest tested CPython, beside its output, and keeps it as
snippets/<section>/<name>.timeline.json (data_path): what this package's program wrote,
{"python": "CPython 3.15.2", "exit_code": ..., "recording": ...}. The site build
(guide/hooks/timelines.py) only reads it (read()) and draws it; the snippet tests record
each pictured snippet again on every CPython and check what its figure shows.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from guide import page_blocks, paths, snippet_metadata
from guide.running import environment

TIMELINE = page_blocks.block_pattern("timeline")
SUFFIX = ".timeline.json"
RECORDER = "guide.cpython_timeline"  # run as python -m RECORDER
GRACE = 15.0  # seconds a recording may take beyond the snippet's own bound
WIDTH = 100  # the data file: a list or object that fits on a line of this width is on one


def data_path(snippet: snippet_metadata.Snippet) -> Path:
    """snippets/<section>/<name>.timeline.json, beside the snippet and its .out."""
    return snippet.path.with_name(snippet.path.stem + SUFFIX)


def record_command(name: str) -> str:
    return f"nox -s record -- {name}"


def pictured(docs: Path = paths.DOCS) -> dict[str, list[Path]]:
    """Snippet name -> the pages that picture it with a `/// timeline` block."""
    found: dict[str, list[Path]] = {}
    for page in sorted(docs.rglob("*.md")):
        for match in TIMELINE.finditer(page.read_text(encoding="utf-8")):
            found.setdefault(match["name"], []).append(page)
    return found


def bound(snippet: snippet_metadata.Snippet) -> float:
    """Seconds a recording may take: the snippet's own bound, and some."""
    return (snippet.blocks_after if snippet.blocks else snippet.timeout) + GRACE


def record(snippet: snippet_metadata.Snippet, python: str = sys.executable) -> dict:
    """Run the snippet under the recorder (`python -m guide.cpython_timeline`, in a fresh
    process and folder, bounded in time, as the snippet tests run a snippet): what it
    wrote, {"python", "exit_code", "recording"}. ValueError when the recording failed."""
    with tempfile.TemporaryDirectory(prefix="guide-timeline-") as workdir:
        out, log = Path(workdir) / "timeline.json", Path(workdir) / "recorder.log"
        command = [python, "-m", RECORDER, str(snippet.path), "--out", str(out)]
        command += ["--timeout", f"{snippet.timeout:g}"]
        if snippet.blocks:
            command += ["--blocks-after", f"{snippet.blocks_after:g}"]
        with log.open("wb") as output:
            process = subprocess.Popen(
                command,
                cwd=workdir,
                env=environment(),
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its threads and children go with it
            )
        try:
            code = process.wait(timeout=bound(snippet))
        except subprocess.TimeoutExpired:
            code = None
        finally:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            process.wait()
        if code is None:
            raise ValueError(f"recording its timeline took over {bound(snippet):g} s")
        if code != 0 or not out.exists():
            tail = log.read_text(encoding="utf-8", errors="replace")[-2000:]
            raise ValueError(f"recording its timeline failed (exit code {code}):\n{tail}")
        return json.loads(out.read_text(encoding="utf-8"))


def read(snippet: snippet_metadata.Snippet) -> dict:
    """The snippet's recorded figure; FileNotFoundError, with the command that records it,
    when there is none."""
    path = data_path(snippet)
    if not path.exists():
        raise FileNotFoundError(
            f"no recorded timeline ({path.relative_to(paths.ROOT)}): "
            f"run `{record_command(snippet.name)}`"
        )
    return json.loads(path.read_text(encoding="utf-8"))


def write(snippet: snippet_metadata.Snippet, result: dict) -> Path:
    path = data_path(snippet)
    path.write_text(dumps(result) + "\n", encoding="utf-8")
    return path


def dumps(value, indent: str = "") -> str:
    """JSON with each lane, event and cycle edge on a line of its own, so that a
    re-recording reads as a diff (json.loads gives back the very same value)."""
    flat = json.dumps(value, ensure_ascii=False)
    if not isinstance(value, list | dict) or not value or len(indent) + len(flat) <= WIDTH:
        return flat
    inner = indent + "  "
    if isinstance(value, dict):
        items = [f"{inner}{json.dumps(k)}: {dumps(v, inner)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + f"\n{indent}}}"
    return "[\n" + ",\n".join(inner + dumps(v, inner) for v in value) + f"\n{indent}]"
