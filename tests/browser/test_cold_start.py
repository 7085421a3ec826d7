"""The runner's Python starts from the build's memory snapshot (theme/runner/snapshot.mjs),
and from scratch whenever the snapshot cannot be used: missing, made from another Pyodide or
other runner modules, damaged, or failing inside Pyodide. Either way the reader's program
sees the same interpreter: the same modules, sys.path, environment, time zone and locale
(the browser's, not the build machine's).

How much faster the snapshot starts is measured by `nox -s bench` (tests/browser/bench.py).
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import pytest

from .driver import BlockDriver
from .pages import runnable_blocks

PYODIDE = "assets/vendor/pyodide/"
MANIFEST = "runner-snapshot.json"
CORE = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
# A reader far from the build machine: another time zone (with summer time), another language.
READER = {"locale": "de-DE", "timezone_id": "America/New_York"}

# What the reader's program can see of the interpreter it runs in (no word of the code may
# make the runner load the simulated threads: see the "patterns" in runner/needs.json).
PROBE = """\
import asyncio, builtins, json, locale, os, sys, time

print(json.dumps({
    "modules": sorted(sys.modules),
    "path": sys.path,
    "environ": dict(os.environ),
    "executable": sys.executable,
    "argv": sys.argv,
    "flags": repr(sys.flags),
    "cwd": os.getcwd(),
    "limits": [sys.getrecursionlimit(), sys.getswitchinterval(), sys.get_int_max_str_digits()],
    "zone": [time.tzname, time.timezone, time.altzone, time.daylight],
    "zone names": [time.strftime("%Z", time.localtime(t)) for t in (0, 15_552_000)],
    "locale": [locale.setlocale(locale.LC_CTYPE), locale.getlocale()],
    "clock": str(time.get_clock_info("monotonic")),
    "streams": [type(s).__name__ for s in (sys.stdout, sys.stderr, sys.stdin)],
    "input": builtins.input.__name__,
    "loop policy": type(asyncio.events._get_event_loop_policy()).__name__,
    "main": sorted(vars(sys.modules["__main__"])),
}))
"""


def plain_block(site_dir: Path):
    """The first runnable block that needs nothing a browser lacks."""
    for block in runnable_blocks(site_dir):
        if block.needs <= {"asyncio"}:
            return block
    pytest.fail("no runnable block runs as written in a browser")


def start(browser, server, site_dir: Path, route=None):
    """A fresh page of the reader's (empty cache) whose Python has loaded; `route(context)`
    may first change what the site serves. Returns the context, a driver of its plain
    block and the worker's ready message."""
    block = plain_block(site_dir)
    context = browser.new_context(**READER)
    if route is not None:
        route(context)
    page = context.new_page()
    page.goto(server.url + block.page)
    info = page.evaluate("() => window.guideRunner.interpreter.load()")
    return context, BlockDriver(page, block.index), info


def probe(driver: BlockDriver) -> dict:
    driver.set_code(PROBE)
    assert driver.run(timeout=120) == "finished", driver.output
    return json.loads(driver.output)


def manifest_of(site_dir: Path) -> dict:
    path = site_dir / PYODIDE / MANIFEST
    if not path.exists():
        pytest.fail(f"the site has no {MANIFEST}: build it after `nox -s runtime`", pytrace=False)
    return json.loads(path.read_text(encoding="utf-8"))


def serve(context, name: str, body: bytes, status: int = 200) -> None:
    """Make the site answer requests for Pyodide's file `name` with `body`."""
    context.route(f"**/{PYODIDE}{name}", lambda route: route.fulfill(status=status, body=body))


def test_the_site_serves_a_snapshot_of_its_own_pyodide(site_dir):
    """The manifest matches the Pyodide files the site serves and the snapshot beside it."""
    manifest = manifest_of(site_dir)
    served = site_dir / PYODIDE
    for name in CORE:
        digest = hashlib.sha256((served / name).read_bytes()).hexdigest()
        assert manifest["files"].get(name) == digest, f"made from another {name}"
    assert f'"{manifest["pyodide"]}"' in (served / "pyodide.mjs").read_text(encoding="utf-8")
    packed = (served / manifest["file"]).read_bytes()
    assert hashlib.sha256(packed).hexdigest() == manifest["gzip"]["sha256"]
    snapshot = gzip.decompress(packed)
    assert len(snapshot) == manifest["size"]
    assert hashlib.sha256(snapshot).hexdigest() == manifest["sha256"]


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def fitting(tmp_path, monkeypatch) -> dict:
    """The manifest of a snapshot that fits this build (its file in tmp_path)."""
    from guide.hooks import vendor

    monkeypatch.setattr(vendor, "SNAPSHOT_BUILD", tmp_path)
    packed = b"the snapshot, gzipped"
    (tmp_path / "runner-snapshot.bin.gz").write_bytes(packed)
    pyodide = vendor.NODE_MODULES / "pyodide"
    return {
        "format": 1,
        "file": "runner-snapshot.bin.gz",
        "pyodide": json.loads((pyodide / "package.json").read_text(encoding="utf-8"))["version"],
        "files": {name: sha256((pyodide / name).read_bytes()) for name in CORE},
        "runner": vendor.runner_digest(),
        "gzip": {"sha256": sha256(packed)},
    }


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({}, None),
        ({"format": 2}, "format 2, not 1"),
        ({"pyodide": "313.0.0"}, "made from Pyodide 313.0.0, the site serves "),
        ({"files": {name: "0" * 64 for name in CORE}}, "made from another pyodide.mjs"),
        ({"files": {"pyodide.mjs": "0" * 64}}, "its manifest names ['pyodide.mjs'], "),
        ({"runner": "0" * 64}, "made from other runner modules"),
        ({"gzip": {"sha256": "0" * 64}}, "runner-snapshot.bin.gz is missing or not the file"),
    ],
    ids=["fits", "format", "pyodide", "files", "some-files", "runner", "data"],
)
def test_the_build_publishes_only_a_snapshot_that_fits(fitting, change, why):
    """theme/hooks/vendor.py: a snapshot of another Pyodide, of other runner modules, or
    whose data is not what its manifest describes stays out of the site."""
    from guide.hooks import vendor

    problem = vendor.snapshot_problem({**fitting, **change})
    assert problem == why if why is None else problem.startswith(why), problem


def test_python_starts_from_the_snapshot_as_it_would_from_scratch(browser, server, site_dir):
    """With the snapshot, and without it (not served), the worker says how Python started
    and the reader's program sees the same interpreter, with this browser's time zone and
    language."""
    context, driver, info = start(browser, server, site_dir)
    try:
        assert (info["start"], info["snapshot"]) == ("snapshot", None)
        restored = probe(driver)
    finally:
        context.close()
    context, driver, info = start(
        browser, server, site_dir, route=lambda c: serve(c, MANIFEST, b"", status=404)
    )
    try:
        assert info["start"] == "plain"
        assert info["snapshot"] == f"no snapshot ({MANIFEST}: HTTP 404)"
        fresh = probe(driver)
    finally:
        context.close()
    assert fresh["zone"][1] == 5 * 3600 and fresh["environ"]["LANG"] == "de_DE.UTF-8"
    modules = set(restored.pop("modules")), set(fresh.pop("modules"))
    assert modules[0] == modules[1], (
        f"only from the snapshot: {sorted(modules[0] - modules[1])}, "
        f"only from scratch: {sorted(modules[1] - modules[0])}"
    )
    assert {key: restored[key] for key in fresh} == fresh


def other_pyodide(site_dir: Path) -> tuple[str, bytes]:
    return MANIFEST, json.dumps({**manifest_of(site_dir), "pyodide": "313.0.0"}).encode()


def other_runner(site_dir: Path) -> tuple[str, bytes]:
    return MANIFEST, json.dumps({**manifest_of(site_dir), "runner": "0" * 64}).encode()


def damaged(site_dir: Path) -> tuple[str, bytes]:
    manifest = manifest_of(site_dir)
    packed = (site_dir / PYODIDE / manifest["file"]).read_bytes()
    return manifest["file"], packed[: len(packed) // 2]


def not_a_snapshot(site_dir: Path) -> tuple[str, bytes]:
    """Unpacks to the right size, but Pyodide refuses it (no snapshot's header)."""
    manifest = manifest_of(site_dir)
    return manifest["file"], gzip.compress(bytes(manifest["size"]), compresslevel=1)


@pytest.mark.parametrize(
    ("served", "why"),
    [
        (other_pyodide, "the snapshot was made from Pyodide 313.0.0, this is "),
        (other_runner, "the snapshot holds other runner modules than this worker's"),
        (damaged, "the snapshot did not unpack"),
        (not_a_snapshot, "the snapshot did not load: "),
    ],
    ids=["other-pyodide", "other-runner", "damaged", "fails-in-pyodide"],
)
def test_a_snapshot_that_cannot_be_used_gives_a_plain_start(browser, server, site_dir, served, why):
    """The reader still gets a working runner, and the worker says why it started slowly."""
    name, body = served(site_dir)
    context, driver, info = start(browser, server, site_dir, route=lambda c: serve(c, name, body))
    try:
        assert info["start"] == "plain"
        assert info["snapshot"] and info["snapshot"].startswith(why), info["snapshot"]
        driver.set_code("import sys\nprint('plain', sys.version_info[:2] >= (3, 12))\n")
        assert driver.run(timeout=120) == "finished", driver.output
        assert driver.output == "plain True\n"
    finally:
        context.close()
