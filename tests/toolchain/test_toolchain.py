"""toolchain/: where the tests' CPythons and Chromium come from, and what a machine that
cannot provide them is told."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from toolchain import debian_root, system

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def not_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(system.os, "geteuid", lambda: 1000)
    monkeypatch.setattr(system, "is_debian", lambda: True)


def test_without_root_nothing_is_installed_and_the_reason_says_so(not_root) -> None:
    assert "root" in system.why_apt_cannot_install()
    with pytest.raises(system.Unavailable, match="root"):
        system.apt_install(["chromium"])


def test_a_missing_chromium_that_cannot_be_installed_names_the_command(
    not_root, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(system.shutil, "which", lambda command: None)
    with pytest.raises(system.Unavailable) as missing:
        system.require("chromium")
    assert "apt-get install -y chromium" in str(missing.value)
    assert "brew install --cask chromium" in str(missing.value)


def test_an_installed_command_is_used_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(system, "apt_install", lambda *args: pytest.fail("installed again"))
    assert system.require("chromium") == shutil.which("chromium")


def test_outside_debian_apt_is_not_tried(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(system, "is_debian", lambda: False)
    assert system.why_apt_cannot_install() == "this is not Debian"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("debian.sources", "Types: deb\nURIs: http://mirror.example/debian\nSuites: bookworm\n"),
        ("extra.list", "deb http://mirror.example/debian bookworm main\n"),
    ],
)
def test_the_root_comes_from_the_mirror_apt_already_uses(
    tmp_path: Path, name: str, text: str
) -> None:
    (tmp_path / "sources.list.d").mkdir()
    (tmp_path / "sources.list.d" / name).write_text(text)
    (tmp_path / "sources.list.d" / "other.sources").write_text("URIs: https://deb.example/x\n")
    assert debian_root.debian_mirror(tmp_path) == "http://mirror.example/debian"


@pytest.mark.skipif(not debian_root.is_ready(), reason="no Debian root on this machine")
@pytest.mark.parametrize("version", debian_root.VERSIONS)
def test_the_root_runs_its_pythons_in_the_checkout_and_leaves_no_mount(version: str) -> None:
    program = "import os, sys; print(sys.version_info[:2], os.getcwd(), os.path.isdir('/dev/shm'))"
    ran = subprocess.run(
        debian_root.command(ROOT, [f"python{version}", "-c", program]),
        capture_output=True,
        text=True,
        check=True,
    )
    major, minor = map(int, version.split("."))
    assert ran.stdout == f"({major}, {minor}) {ROOT} True\n"
    mounts = Path("/proc/self/mounts").read_text()
    assert str(debian_root.ROOT) not in mounts, "a mount outlived the command"
