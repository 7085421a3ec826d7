"""The Pythons the guide says it is tested on come from one place
(snippet_metadata.TESTED_PYTHONS and BROWSER_PYTHON) and agree everywhere they are named."""

from __future__ import annotations

import json
import re
from pathlib import Path

from guide import snippet_metadata
from guide.hooks import versions

ROOT = Path(__file__).resolve().parents[2]


def test_the_readme_names_every_tested_python_and_the_browser_python() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"on CPython {snippet_metadata.in_words()} " in readme
    assert f"Pyodide, CPython {snippet_metadata.BROWSER_PYTHON})" in readme


def test_the_browser_python_is_the_one_the_pinned_pyodide_runs() -> None:
    lock = json.loads((ROOT / "node_modules/pyodide/pyodide-lock.json").read_text())
    python = lock["info"]["python"]
    assert python.startswith(snippet_metadata.BROWSER_PYTHON + "."), python


def test_the_home_page_lists_the_tested_pythons(site_dir: Path) -> None:
    home = re.sub(r"\s+", " ", (site_dir / "index.html").read_text(encoding="utf-8"))
    assert f"runs each one on CPython {snippet_metadata.in_words()}," in home
    assert f"a CPython {snippet_metadata.BROWSER_PYTHON} compiled for the browser" in home


def test_no_page_keeps_a_version_token(site_dir: Path) -> None:
    left = [
        str(page.relative_to(site_dir))
        for page in site_dir.rglob("*.html")
        if any(token in page.read_text(encoding="utf-8") for token in versions.TOKENS)
    ]
    assert not left, f"version tokens not replaced in {left}"


def test_in_words_lists_versions_as_prose() -> None:
    assert snippet_metadata.in_words(("3.11",)) == "3.11"
    assert snippet_metadata.in_words(("3.11", "3.12", "3.13")) == "3.11, 3.12 and 3.13"
