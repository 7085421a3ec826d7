"""MkDocs hook: turn `/// example | section/name.py` blocks into code + recorded output.

In a page:

    /// example | threads/race.py
    ///

Options, one per line between the two markers:

    section: main        show only the named section (# --8<-- [start:main] ... [end:main])
    output: false        show the code without its recorded output
    run: browser         readers can edit and run it in the page (Pyodide, in a Web Worker)
    session: NAME        with run: browser, blocks of a page with the same NAME share their
                         variables (run one, then the next uses what it defined)

The block becomes a code fence that includes the snippet with pymdownx.snippets (its
PEP 723 metadata block left out), badges for what the snippet needs (Python version,
free-threaded build), and the output recorded by `nox -s record`, labelled with the
interpreter that produced it and, when it varies, with what varies.

A runnable block (`run: browser`) also carries, for runner/ (the in-page runner):
data-needs (what the program uses that a browser may lack: asyncio, threads, processes,
sockets; read from its code with runner/needs.json), data-recorded (the interpreter that
recorded the output shown below it), data-first-line (the file's line number of the first
line shown) and data-session. Blocks without `run` render exactly as before.
"""

from __future__ import annotations

import ast
import json
import re

from guide import page_blocks, paths, snippet_metadata

EXAMPLE = page_blocks.block_pattern("example")
OPTIONS = {"section", "output", "run", "session"}

# What a program uses that Pyodide in a browser lacks or needs help with: runner/needs.json,
# which the in-page runner reads too. Found in its code ("uses"): imported modules, names
# (ThreadPoolExecutor) and attributes (asyncio.run, os.fork).
BROWSER_NEEDS = json.loads((paths.RUNNER / "needs.json").read_text(encoding="utf-8"))["needs"]
NEEDS = {need: set(about["uses"]) for need, about in BROWSER_NEEDS.items() if "uses" in about}


def browser_needs(source: str) -> list[str]:
    """What the program needs that a browser may not give it (see NEEDS), sorted."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    used: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                used.add(alias.name)
                used.add(alias.name.partition(".")[0])
        elif isinstance(node, ast.ImportFrom) and node.module:
            used.add(node.module)
            used.add(node.module.partition(".")[0])
            used.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Attribute):
            used.add(node.attr)
            if isinstance(node.value, ast.Name):
                used.add(f"{node.value.id}.{node.attr}")
    return sorted(need for need, names in NEEDS.items() if used & names)


def options(text: str, where: str) -> dict[str, str]:
    return page_blocks.block_options(text, kind="example", known=OPTIONS, where=where)


def _badges(snippet: snippet_metadata.Snippet) -> list[str]:
    badges = []
    if snippet.requires_python:
        badges.append("Python ≥ {}.{}".format(*snippet.requires_python))
    if snippet.free_threaded:
        badges.append("free-threaded build")
    if snippet.dependencies:
        badges.append("needs " + ", ".join(snippet.dependencies))
    return badges


def _output_title(snippet: snippet_metadata.Snippet, recording: dict) -> str:
    parts = ["Output"]
    if snippet.blocks:
        parts.append(f"until stopped after {snippet.blocks_after:g} s")
    elif recording["exit_code"]:
        parts.append(f"(exit code {recording['exit_code']})")
    return " ".join(parts) + f" · {recording['python']}"


def _run_attributes(snippet: snippet_metadata.Snippet, options: dict, recorded: dict) -> str:
    """The data attributes the in-page runner reads (theme/runner/runner.js)."""
    attributes = f' data-run="{options["run"]}"'
    if snippet.body_start_line > 1:  # the editor numbers lines as in the file
        attributes += f' data-first-line="{snippet.body_start_line}"'
    found = browser_needs(snippet.path.read_text(encoding="utf-8"))
    if found:
        attributes += f' data-needs="{" ".join(found)}"'
    recording = recorded.get(snippet.name)
    shown = options.get("output", "true") != "false"
    if shown and recording is not None and snippet.output_path.exists():
        attributes += f' data-recorded="{recording["python"]}"'
    session = options.get("session")
    if session is not None:
        if not re.fullmatch(r"[\w-]+", session):
            raise ValueError(f"session must be a word (letters, digits, -), not {session!r}")
        attributes += f' data-session="{session}"'
    return attributes


def render(snippet: snippet_metadata.Snippet, options: dict[str, str], recorded: dict) -> str:
    """The Markdown that stands for one example block."""
    section = options.get("section")
    if section:
        include = f"{snippet.name}:{section}"
    else:
        last_line = snippet.path.read_text(encoding="utf-8").count("\n")
        include = f"{snippet.name}:{snippet.body_start_line}:{last_line}"
    run = options.get("run")
    if run not in (None, "browser"):
        raise ValueError(f"run must be 'browser', not {run!r}")
    if run and section:
        raise ValueError("run: browser needs the whole program; it cannot go with section")
    if "session" in options and not run:
        raise ValueError("session goes with run: browser")
    attributes = f'class="guide-example" data-snippet="{snippet.name}"'
    if run:
        attributes += _run_attributes(snippet, options, recorded)
    lines = [f'<div {attributes} markdown="1">', ""]
    badges = _badges(snippet)
    if badges:
        spans = "".join(f'<span class="guide-badge">{b}</span>' for b in badges)
        lines += [f'<p class="guide-badges">{spans}</p>', ""]
    lines += [f'```python title="{snippet.name}"', f'--8<-- "{include}"', "```", ""]
    if options.get("output", "true") != "false":
        recording = recorded.get(snippet.name)
        if recording is not None and snippet.output_path.exists():
            out_name = snippet.output_path.relative_to(snippet_metadata.SNIPPETS).as_posix()
            lines += [
                f'```text title="{_output_title(snippet, recording)}"',
                f'--8<-- "{out_name}"',
                "```",
                "",
            ]
        elif snippet.recordable:
            raise ValueError(
                f"{snippet.name} has no recorded output: run `nox -s record -- {snippet.name}`"
            )
        else:
            needs = " and ".join(_badges(snippet)[:2])
            recorder = "CPython " + snippet_metadata.TESTED_PYTHONS[-1]
            lines += [
                f'<p class="guide-output-note">No recorded output: this example needs {needs}. '
                f"The examples are recorded on {recorder} with the GIL, because no "
                "free-threaded CPython could be installed where they are recorded; the tests "
                "run this one wherever such an interpreter is installed (for example "
                "<code>uv python install 3.14t</code>), so what the page says about its "
                "output comes from CPython's documentation, not from a run.</p>",
                "",
            ]
        notes = []
        if snippet.varies:
            notes.append(f"<strong>Varies between runs:</strong> {snippet.varies}.")
        if snippet.blocks:
            notes.append(f"<strong>Never ends by design:</strong> {snippet.blocks}.")
        for note in notes:
            lines += [f'<p class="guide-output-note">{note}</p>', ""]
    lines += ["</div>", ""]
    return "\n".join(lines)


def on_page_markdown(markdown: str, page, config, files) -> str:
    recorded = snippet_metadata.recordings()

    def expand(match: re.Match) -> str:
        where = f"{page.file.src_uri}: example {match['name']}"
        try:
            snippet = snippet_metadata.find(match["name"])
            block = render(snippet, options(match["options"], where), recorded)
        except (FileNotFoundError, ValueError) as error:
            raise SystemExit(f"{where}: {error}") from error
        indent = match["indent"]
        return "\n".join(indent + line if line else "" for line in block.splitlines())

    return EXAMPLE.sub(expand, markdown)
