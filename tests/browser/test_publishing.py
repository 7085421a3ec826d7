"""The built site as GitHub Pages serves it (README, "Publishing"): no COOP/COEP headers, and
under a path, since a project site lives at https://OWNER.github.io/REPOSITORY/. The service
worker isolates the pages after one reload, for every page of the site; the home page's
example runs, and Stop interrupts it without replacing Python; nothing is missing and
nothing is fetched from another host.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from guide import snippet_metadata
from guide.checks import check_against_recording

from .conftest import OutsideRequests
from .driver import BlockDriver, normalise
from .server import SiteServer

REPOSITORY = "concurrent-python"  # the path GitHub Pages would publish the site under
DEMO = "problems/race_then_lock.py"
# The runner asks for its Python snapshot and starts without one when the build has none
# (a build without `nox -s runtime`'s snapshot, guide/hooks/vendor.py): not a missing file.
SNAPSHOT = "assets/vendor/pyodide/runner-snapshot.json"


@pytest.fixture(scope="module")
def pages_url(site_dir: Path, tmp_path_factory) -> Iterator[str]:
    """The site at http://127.0.0.1:PORT/concurrent-python/, without any special header."""
    root = tmp_path_factory.mktemp("pages")
    (root / REPOSITORY).symlink_to(site_dir, target_is_directory=True)
    with SiteServer(root, headers=False) as server:
        yield f"{server.url}{REPOSITORY}/"


def test_the_site_runs_its_examples_as_github_pages_serves_it(browser, pages_url, site_dir) -> None:
    context = browser.new_context()
    outside = OutsideRequests()
    outside.watch(context)
    missing: list[str] = []
    context.on(
        "response", lambda r: missing.append(f"{r.status} {r.url}") if r.status >= 400 else None
    )
    page = context.new_page()
    page.goto(pages_url)
    page.wait_for_function("crossOriginIsolated === true", timeout=30_000)
    page.wait_for_load_state("load")
    scope = page.evaluate("navigator.serviceWorker.getRegistration().then(r => r && r.scope)")
    assert scope == pages_url, "the service worker should serve the whole site, and only it"

    driver = BlockDriver(page, 0)
    assert driver.root.get_attribute("data-snippet") == DEMO
    state = driver.run(120)
    check_against_recording(snippet_metadata.find(DEMO), state, normalise(driver.output))

    # Isolated, Stop interrupts Python (KeyboardInterrupt) and keeps the same worker.
    page.evaluate("() => { window.beforeStop = window.guideRunner.interpreter.worker; }")
    driver.set_code("print('spinning')\nwhile True:\n    pass\n")
    driver.button("run").click()
    driver.wait_for_state("running")
    page.wait_for_timeout(500)  # into the loop (Stop works the same before it)
    state, elapsed = driver.stop_and_time()
    assert state == "stopped" and elapsed < 1000, (state, elapsed)
    assert page.evaluate("() => window.guideRunner.interpreter.worker === window.beforeStop")
    assert driver.output.startswith("spinning\n"), driver.output

    # Another page of the site is isolated from its first load: no second reload.
    loads: list[str] = []
    page.on("load", lambda: loads.append(page.url))
    page.goto(pages_url + "problems/race-conditions/")
    page.wait_for_load_state("load")
    assert page.evaluate("crossOriginIsolated"), "the service worker did not serve this page"
    assert loads == [pages_url + "problems/race-conditions/"], loads

    if not (site_dir / SNAPSHOT).exists():
        missing = [m for m in missing if not m.endswith(f"/{REPOSITORY}/{SNAPSHOT}")]
    assert not missing, f"files missing under /{REPOSITORY}/: {missing}"
    assert not outside, f"requests for other hosts: {outside}"
    context.close()
