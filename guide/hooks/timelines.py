"""MkDocs hook: `/// timeline | section/name.py` blocks become timeline figures recorded from
a real CPython run of the snippet while the site is built (issue 9, the static figures).

In a page, after the example it pictures:

    /// timeline | problems/deadlock_forever.py
    caption: Each thread holds one lock and waits for the other's.
    ///

The block becomes

    <figure class="guide-timeline" data-snippet="...">
      <div class="tl-scroll"><svg class="tl tl--wide" ...>...</svg><svg class="tl tl--narrow"
      ...>...</svg></div>
      <figcaption>what it shows; that it was recorded from a real run on CPython X.Y.Z when
      the site was built, and that the interleaving differs from run to run</figcaption>
    </figure>

The SVGs are guide_timeline.render_svgs's drawings (the wide one for a page's column and
print, the narrow one for a phone; theme/assets/timeline.css shows the one that fits) of what cpython_timeline.py (run as a
subprocess of the build's own Python, bounded in time) recorded. Every figure of the site
is started when the build lists its files and collected when its page is rendered, so they
record side by side while the build goes on; nothing is kept between builds.
"""

from __future__ import annotations

import html
import json
import logging
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from guide import page_blocks, snippet_metadata
from guide import timeline as guide_timeline
from guide.timeline import scale as guide_timeline_scale

TIMELINE = page_blocks.block_pattern("timeline")
OPTIONS = {"caption"}
RECORDER = "guide.cpython_timeline"  # run as python -m RECORDER
OLDEST_PYTHON = (3, 11)
GRACE = 15.0  # seconds a recording may take beyond the snippet's own bound
log = logging.getLogger("mkdocs.hooks.timelines")


def options(text: str, where: str) -> dict[str, str]:
    return page_blocks.block_options(text, kind="timeline", known=OPTIONS, where=where)


def blocks_in(markdown: str) -> list[re.Match]:
    return list(TIMELINE.finditer(markdown))


# --- recording (subprocesses) ---------------------------------------------------------------


def _environment() -> dict[str, str]:
    """As the snippet tests run a snippet (tests/snippets/runner.py): unbuffered UTF-8
    output, none of the caller's Python settings."""
    env = dict(os.environ)
    env.update(PYTHONUNBUFFERED="1", PYTHONIOENCODING="utf-8", PYTHONDONTWRITEBYTECODE="1")
    for name in ("PYTHONWARNINGS", "PYTHONHASHSEED", "PYTHONSTARTUP", "PYTHONPATH"):
        env.pop(name, None)
    return env


@dataclass
class Recording:
    """One figure's run of cpython_timeline.py, started and not yet collected."""

    snippet: snippet_metadata.Snippet
    process: subprocess.Popen
    out: Path
    log: Path

    @classmethod
    def start(cls, snippet: snippet_metadata.Snippet, workdir: Path) -> Recording:
        stem = snippet.name.replace("/", "-").removesuffix(".py")
        out, log = workdir / f"{stem}.json", workdir / f"{stem}.log"
        command = [sys.executable, "-m", RECORDER, str(snippet.path), "--out", str(out)]
        command += ["--timeout", f"{snippet.timeout:g}"]
        if snippet.blocks:
            command += ["--blocks-after", f"{snippet.blocks_after:g}"]
        with log.open("wb") as output:
            process = subprocess.Popen(
                command,
                cwd=workdir,
                env=_environment(),
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its threads and children go with it
            )
        return cls(snippet, process, out, log)

    @property
    def bound(self) -> float:
        snippet = self.snippet
        return (snippet.blocks_after if snippet.blocks else snippet.timeout) + GRACE

    def result(self) -> dict:
        """{"python": ..., "recording": ...}; ValueError when the run failed."""
        try:
            code = self.process.wait(timeout=self.bound)
        except subprocess.TimeoutExpired:
            self.stop()
            raise ValueError(f"recording its timeline took over {self.bound:g} s") from None
        if code != 0 or not self.out.exists():
            tail = self.log.read_text(encoding="utf-8", errors="replace")[-2000:]
            raise ValueError(f"recording its timeline failed (exit code {code}):\n{tail}")
        return json.loads(self.out.read_text(encoding="utf-8"))

    def stop(self) -> None:
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.process.wait()


class Figures:
    """The recordings of one build, by snippet name."""

    def __init__(self) -> None:
        self.workdir = tempfile.TemporaryDirectory(prefix="guide-timelines-")
        self.runs: dict[str, Recording] = {}
        self.results: dict[str, dict] = {}
        self.started = time.perf_counter()
        self.waited = 0.0  # seconds the build stood still, waiting for a recording

    def start(self, name: str) -> None:
        if name not in self.runs:
            self.runs[name] = Recording.start(snippet_metadata.find(name), Path(self.workdir.name))

    def result(self, name: str) -> dict:
        if name not in self.results:
            self.start(name)
            waiting = time.perf_counter()
            self.results[name] = self.runs[name].result()
            self.waited += time.perf_counter() - waiting
        return self.results[name]

    def close(self) -> None:
        for run in self.runs.values():
            run.stop()
        self.workdir.cleanup()
        if self.results:
            log.info(
                "timelines: %d figures recorded from CPython runs side by side; the build "
                "waited %.2f s for them",
                len(self.results),
                self.waited,
            )


_figures: Figures | None = None


def _close() -> None:
    global _figures
    if _figures is not None:
        _figures.close()
        _figures = None


# --- the figure ---------------------------------------------------------------------------


def _inline_code(text: str) -> str:
    """Escaped text, with `code` spans as <code>."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(text, quote=False))


def caption_text(snippet: snippet_metadata.Snippet, result: dict, caption: str | None) -> str:
    """What the figure shows, then where it comes from (the figure's <figcaption>, HTML)."""
    recording = result["recording"]
    shows = _inline_code(caption) if caption else f"Timeline of <code>{snippet.name}</code>."
    source = (
        f"Recorded from a real run of <code>{snippet.name}</code> on "
        f'<span class="guide-timeline-python">{html.escape(result["python"])}</span> '
        "when this site was built."
    )
    if snippet.blocks:
        stopped = guide_timeline_scale.time_text(recording["end"])
        if recording.get("deadlock"):
            source += f" The program never ends: it was stopped {stopped} in, deadlocked."
        else:
            source += f" The program never ends: it was stopped {stopped} in."
    varies = "The interleaving differs from run to run."
    return f'{shows} <span class="guide-timeline-source">{source} {varies}</span>'


def render(snippet: snippet_metadata.Snippet, result: dict, caption: str | None) -> str:
    """The HTML that stands for one timeline block (one block of raw HTML, no blank line)."""
    wide, narrow = guide_timeline.render_svgs(result["recording"])
    return (
        f'<figure class="guide-timeline" data-snippet="{snippet.name}">\n'
        f'<div class="tl-scroll">{wide}{narrow}</div>\n'
        f"<figcaption>{caption_text(snippet, result, caption)}</figcaption>\n"
        "</figure>\n"
    )


# --- MkDocs events --------------------------------------------------------------------------


def on_files(files, config):
    """Start the run of every figure of the site at once: they record while pages build."""
    global _figures
    if sys.version_info < OLDEST_PYTHON:
        raise SystemExit("timeline figures are recorded on CPython 3.11 or later")
    _close()
    _figures = Figures()
    for file in files.documentation_pages():
        if not file.abs_src_path or not file.src_uri.endswith(".md"):
            continue
        for match in blocks_in(Path(file.abs_src_path).read_text(encoding="utf-8")):
            try:
                _figures.start(match["name"])
            except FileNotFoundError as error:
                raise SystemExit(f"{file.src_uri}: timeline {match['name']}: {error}") from error
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    def expand(match: re.Match) -> str:
        where = f"{page.file.src_uri}: timeline {match['name']}"
        try:
            found = options(match["options"], where)
            snippet = snippet_metadata.find(match["name"])
            if _figures is None:
                raise ValueError("no recordings were started (on_files did not run)")
            block = render(snippet, _figures.result(snippet.name), found.get("caption"))
        except (FileNotFoundError, ValueError) as error:
            raise SystemExit(f"{where}: {error}") from error
        indent = match["indent"]
        return "\n".join(indent + line if line else "" for line in block.splitlines())

    return TIMELINE.sub(expand, markdown)


def on_post_build(config) -> None:
    _close()


def on_build_error(error) -> None:
    _close()


def on_shutdown() -> None:
    _close()
