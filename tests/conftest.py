"""Marks each test that needs a built site (it uses the `site_dir` fixture) as `needs_site`,
so that `nox -s unit` can run everything else without building anything."""

from __future__ import annotations

import pytest

SITE_FIXTURES = {"site_dir", "pdf_path"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if SITE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.needs_site)
