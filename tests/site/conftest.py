from pathlib import Path

import pytest

from guide import paths


@pytest.fixture(scope="session")
def site_dir() -> Path:
    """The built site (GUIDE_SITE_DIR, default site/); the `site` nox session builds it first."""
    path = paths.site_dir()
    if not (path / "index.html").exists():
        pytest.fail(f"no built site in {path}: run `nox -s build` first")
    return path
