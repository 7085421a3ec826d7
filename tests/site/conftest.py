import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def site_dir() -> Path:
    """The built site (GUIDE_SITE_DIR, default site/); the `site` nox session builds it first."""
    path = Path(os.environ.get("GUIDE_SITE_DIR", ROOT / "site"))
    if not (path / "index.html").exists():
        pytest.fail(f"no built site in {path}: run `nox -s build` first")
    return path
