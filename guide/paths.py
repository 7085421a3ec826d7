"""Where the project's parts are, and the names the build, the tests and nox agree on."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
RUNNER = ROOT / "runner"  # the in-page runner: JavaScript, and the worker's Python
SIMTHREADS = ROOT / "simthreads"  # simulated threads for Pyodide, built as a wheel
PDF_TOOLS = ROOT / "pdf"  # prints the whole guide with Chromium

# What `nox -s runtime` builds (git-ignored): a Pyodide package index holding the simthreads
# wheel and the copy of Pyodide's lock file that lists it, and the runner's memory snapshot.
BUILD = ROOT / "build"
PYODIDE_INDEX = BUILD / "pyodide"
SNAPSHOT = BUILD / "snapshot"

PDF_NAME = "concurrent-python.pdf"  # the PDF, at the root of the built site


def site_dir() -> Path:
    """The built site under test: GUIDE_SITE_DIR, or site/ (where `mkdocs build` puts it)."""
    return Path(os.environ.get("GUIDE_SITE_DIR", ROOT / "site")).resolve()
