"""A browser (Debian's Chromium, never one Playwright downloads) and the built site served
on 127.0.0.1. The site is GUIDE_SITE_DIR (default site/); `nox -s site` builds it first."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from guide import chromium, paths

from .driver import PageCache
from .pages import runnable_blocks
from .server import SiteServer


def the_site_dir() -> Path:
    return paths.site_dir()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "block" in metafunc.fixturenames:
        site_dir = the_site_dir()
        blocks = runnable_blocks(site_dir) if (site_dir / "index.html").exists() else []
        metafunc.parametrize("block", blocks or [None], ids=[b.id for b in blocks] or ["none"])


@contextlib.contextmanager
def new_context(browser, **options) -> Iterator:
    """A fresh browser context (its own storage, service workers and permissions), closed at
    the end even when the test fails."""
    context = browser.new_context(**options)
    try:
        yield context
    finally:
        context.close()


@pytest.fixture(scope="session")
def site_dir() -> Path:
    path = the_site_dir()
    if not (path / "index.html").exists():
        pytest.fail(f"no built site in {path}: run `nox -s build` first", pytrace=False)
    return path


@pytest.fixture(scope="session")
def playwright_instance():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance):
    try:
        options = chromium.launch_options()
    except chromium.ChromiumMissing as missing:
        pytest.fail(str(missing), pytrace=False)  # fails, never skips
    browser = playwright_instance.chromium.launch(**options)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def server(site_dir: Path) -> Iterator[SiteServer]:
    """The site with the headers of its _headers file: pages are cross-origin isolated."""
    with SiteServer(site_dir, headers=True) as running:
        yield running


@pytest.fixture(scope="session")
def plain_server(site_dir: Path) -> Iterator[SiteServer]:
    """The site without headers, as GitHub Pages serves it."""
    with SiteServer(site_dir, headers=False) as running:
        yield running


class OutsideRequests(list):
    """The URLs of requests that would have left 127.0.0.1 (they are aborted)."""

    def watch(self, context) -> None:
        def route(route):
            self.append(route.request.url)
            route.abort()

        context.route(lambda url: not is_local(url), route)


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in {"data", "blob", "about"} or parts.hostname == "127.0.0.1"


@pytest.fixture(scope="session")
def outside_requests() -> OutsideRequests:
    return OutsideRequests()


@pytest.fixture(scope="session")
def example_pages(browser, server, outside_requests) -> Iterator[PageCache]:
    """Pages of the site in one browser context, each loaded once while its blocks run."""
    context = browser.new_context()
    outside_requests.watch(context)
    cache = PageCache(context, server.url)
    yield cache
    context.close()
