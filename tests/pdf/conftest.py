"""The PDF under test: GUIDE_SITE_DIR/concurrent-python.pdf (default site/), built by
`nox -s pdf-tests` (or `nox -s pdf`) before these tests run."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest

from guide import paths
from guide.paths import PDF_NAME

from . import pdftext

ROOT = paths.ROOT
# The page box of the print CSS (@page in theme/main.html): A4, 16 mm left and right, 18 mm
# at the bottom, where the running footer (the guide's name, the page number) goes.
SIDE_MARGIN = 16 * pdftext.MM
BOTTOM_MARGIN = 18 * pdftext.MM


@pytest.fixture(scope="session")
def site_dir() -> Path:
    path = paths.site_dir()
    if not (path / "index.html").exists():
        pytest.fail(f"no built site in {path}: run `nox -s pdf` (or `nox -s pdf-tests`) first")
    return path


@pytest.fixture(scope="session")
def pdf_path(site_dir: Path) -> Path:
    path = site_dir / PDF_NAME
    if not path.is_file():
        pytest.fail(f"{path} does not exist: `nox -s pdf` builds it")
    return path


@pytest.fixture(scope="session")
def reader(pdf_path: Path) -> pypdf.PdfReader:
    return pypdf.PdfReader(pdf_path)


@pytest.fixture(scope="session")
def pages(pdf_path: Path) -> list[pdftext.Page]:
    return pdftext.read(pdf_path)


@pytest.fixture(scope="session")
def page_texts(pages: list[pdftext.Page]) -> list[str]:
    """Each page's text without whitespace and without its running footer."""
    from .guide import squash

    return [squash(page.text(BOTTOM_MARGIN)) for page in pages]


@pytest.fixture(scope="session")
def body_text(page_texts: list[str]) -> str:
    """The whole PDF's text, without whitespace and running footers: what wraps across a
    page break reads on as one."""
    return "".join(page_texts)


@pytest.fixture(scope="session")
def drawn_text(pages: list[pdftext.Page]) -> str:
    """The whole PDF's text (no whitespace, no footers) in the order the PDF draws it."""
    from .guide import squash

    return "".join(squash(page.drawn_text(BOTTOM_MARGIN)) for page in pages)
