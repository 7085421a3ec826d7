"""What a snippet file declares about itself, read from its PEP 723 metadata block.

A snippet may open with an inline script metadata block (PEP 723), the same block
`uv run` and `pipx run` understand:

    # /// script
    # requires-python = ">=3.13"
    # dependencies = ["anyio"]
    # [tool.guide]
    # varies = "the order in which the threads finish"
    # check = "property"
    # ///

The [tool.guide] keys, all optional, are GUIDE_KEYS below: the one list of them (the reader
checks names against it, the defaults come from it, the README describes each).

Pages do not show the block: the site shows it as badges instead.
This module is shared by the site build (guide/hooks) and the tests; it needs only the
standard library of Python 3.11.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

SNIPPETS = Path(__file__).resolve().parents[1] / "snippets"
# The CPython versions the suite runs every snippet on; outputs are recorded on the last.
TESTED_PYTHONS = ("3.11", "3.12", "3.13", "3.14", "3.15")
RECORDER = tuple(int(part) for part in TESTED_PYTHONS[-1].split("."))
# The Python that the pinned Pyodide (package.json) runs in the page; tests/site checks it.
BROWSER_PYTHON = "3.14"
BLOCK = re.compile(r"(?m)^# /// script$\s(?P<content>(^#(| .*)$\s)+)^# ///$\s?")
RECORDINGS = SNIPPETS / "recorded.json"  # per snippet: the recording interpreter and exit code
CHECKS = {"exact", "lines-any-order", "numbers-masked", "property"}


# [tool.guide] key -> (its default, what it means)
GUIDE_KEYS: dict[str, tuple[object, str]] = {
    "varies": (None, "why the output differs between runs; without it it must match exactly"),
    "check": (
        None,
        'how varying output is checked: "lines-any-order", "numbers-masked" or "property" '
        "(a function in guide/properties/); exact without `varies`",
    ),
    "blocks": (None, "the program never ends by design (deadlock, server); says why"),
    "blocks-after": (2.0, "seconds after which a blocking program must still be running"),
    "free-threaded": (False, "true when the snippet needs a free-threaded (no GIL) build"),
    "timeout": (60.0, "seconds before a run is a failure"),
    "retries": (
        0,
        "times a failing check may be re-run: only for checks that compare measured times, "
        "where a briefly busy machine can hide a real speed-up",
    ),
    "needs-cores": (
        1,
        "free cores its check needs: 2 for a check that compares a parallel speed-up; when a "
        "calibration finds the cores busy, a missing speed-up skips the check instead of "
        "failing it (tests/snippets/cores.py)",
    ),
}


def _default(key: str):
    return GUIDE_KEYS[key][0]


@dataclass(frozen=True)
class Snippet:
    """One example program under snippets/."""

    path: Path
    requires_python: tuple[int, int] | None = None
    dependencies: tuple[str, ...] = ()
    varies: str | None = None
    check: str = "exact"
    blocks: str | None = None
    blocks_after: float = _default("blocks-after")
    free_threaded: bool = _default("free-threaded")
    timeout: float = _default("timeout")
    retries: int = _default("retries")
    needs_cores: int = _default("needs-cores")
    body_start_line: int = 1  # first line after the metadata block (1-based)

    @property
    def name(self) -> str:
        """The path relative to snippets/, with forward slashes: 'threads/race.py'."""
        return self.path.relative_to(SNIPPETS).as_posix()

    @property
    def output_path(self) -> Path:
        return self.path.with_suffix(".out")

    def body(self) -> str:
        """The program as pages show it: without its metadata block."""
        lines = self.path.read_text(encoding="utf-8").splitlines(keepends=True)
        return "".join(lines[self.body_start_line - 1 :])

    @property
    def recordable(self) -> bool:
        """Whether the recording interpreter (the newest GIL build tested) can run it."""
        too_new = self.requires_python is not None and self.requires_python > RECORDER
        return not too_new and not self.free_threaded

    def skip_reason(self) -> str | None:
        """Why this interpreter cannot run the snippet, or None."""
        if self.requires_python and sys.version_info[:2] < self.requires_python:
            return "needs Python >= {}.{}".format(*self.requires_python)
        if self.free_threaded and not _running_free_threaded():
            return "needs a free-threaded build of Python (python3.13t or later)"
        return None


def in_words(versions: tuple[str, ...] = TESTED_PYTHONS) -> str:
    """'3.11, 3.12 and 3.13': how pages and the README list versions."""
    return versions[0] if len(versions) == 1 else ", ".join(versions[:-1]) + " and " + versions[-1]


def _running_free_threaded() -> bool:
    is_gil_enabled = getattr(sys, "_is_gil_enabled", None)
    return is_gil_enabled is not None and not is_gil_enabled()


def _parse_requires_python(spec: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*>=\s*(\d+)\.(\d+)\s*", spec)
    if not match:
        raise ValueError(f"requires-python must look like '>=3.13', not {spec!r}")
    return int(match[1]), int(match[2])


def read(path: Path) -> Snippet:
    """Read a snippet file's metadata; raise ValueError when it is malformed."""
    text = path.read_text(encoding="utf-8")
    match = BLOCK.search(text)
    if match is None:
        return Snippet(path=path)
    if text[: match.start()].strip():
        raise ValueError(f"{path}: the '# /// script' block must open the file")
    toml = "".join(line[2:] for line in match["content"].splitlines(keepends=True))
    data = tomllib.loads(toml)
    guide = data.get("tool", {}).get("guide", {})
    unknown = set(guide) - set(GUIDE_KEYS)
    if unknown:
        raise ValueError(f"{path}: unknown [tool.guide] keys {sorted(unknown)}")
    varies = guide.get("varies")
    check = guide.get("check", "property" if varies else "exact")
    if check not in CHECKS:
        raise ValueError(f"{path}: check must be one of {sorted(CHECKS)}")
    if (check == "exact") != (varies is None):
        raise ValueError(f"{path}: 'varies' and a non-exact 'check' go together")
    needs_cores = int(guide.get("needs-cores", _default("needs-cores")))
    if needs_cores < 1 or (needs_cores > 1 and check != "property"):
        raise ValueError(f"{path}: needs-cores is 1 or more, and above 1 goes with a property")
    requires = data.get("requires-python")
    return Snippet(
        path=path,
        requires_python=_parse_requires_python(requires) if requires else None,
        dependencies=tuple(data.get("dependencies", ())),
        varies=varies,
        check=check,
        blocks=guide.get("blocks"),
        blocks_after=float(guide.get("blocks-after", _default("blocks-after"))),
        free_threaded=bool(guide.get("free-threaded", _default("free-threaded"))),
        timeout=float(guide.get("timeout", _default("timeout"))),
        retries=int(guide.get("retries", _default("retries"))),
        needs_cores=needs_cores,
        body_start_line=text[: match.end()].count("\n") + 1,
    )


def all_snippets() -> list[Snippet]:
    """Every snippet file, sorted by path."""
    return [read(p) for p in sorted(SNIPPETS.glob("*/*.py"))]


def find(name: str) -> Snippet:
    """The snippet 'section/name.py'; FileNotFoundError when it does not exist."""
    path = SNIPPETS / name
    if not path.is_file():
        raise FileNotFoundError(f"no snippet {name!r} under snippets/")
    return read(path)


def recordings() -> dict[str, dict]:
    """snippets/recorded.json: for each recorded snippet, {"python": ..., "exit_code": ...}."""
    if not RECORDINGS.exists():
        return {}
    return json.loads(RECORDINGS.read_text(encoding="utf-8"))
