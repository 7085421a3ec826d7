"""System packages (Debian's) that the tests need: installed with apt-get when this is Debian
and we are root, otherwise a clear message with the command to run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

# What each needed command is called in Debian's packages.
DEBIAN_PACKAGES = {"chromium": "chromium", "debootstrap": "debootstrap"}
# What to run elsewhere, shown when the command cannot be installed here.
ELSEWHERE = {
    "chromium": (
        "on Debian or Ubuntu `sudo apt-get install -y chromium`; on Fedora `sudo dnf install "
        "chromium`; on macOS `brew install --cask chromium`; on Windows, use WSL 2 with Debian "
        "(see the README). The tests look for a `chromium` command on PATH"
    ),
    "debootstrap": "on Debian or Ubuntu `sudo apt-get install -y debootstrap`",
}


class Unavailable(RuntimeError):
    """A tool the tests need is missing and cannot be installed on this machine."""


def is_debian() -> bool:
    try:
        release = Path("/etc/os-release").read_text(encoding="utf-8")
    except OSError:
        return False
    return any(
        line in {"ID=debian", "ID_LIKE=debian", 'ID_LIKE="debian"'} for line in release.split("\n")
    )


def why_apt_cannot_install() -> str | None:
    """None when apt-get can install Debian packages here; otherwise the reason."""
    if not sys.platform.startswith("linux") or not is_debian():
        return "this is not Debian"
    if os.geteuid() != 0:
        return "this needs root (run the command below, then the tests again)"
    if not shutil.which("apt-get"):
        return "apt-get is missing"
    return None


def apt_install(packages: list[str], log: Callable[[str], None] = print) -> None:
    """apt-get install the packages (refreshing the package lists first)."""
    reason = why_apt_cannot_install()
    if reason:
        raise Unavailable(f"cannot install {' '.join(packages)}: {reason}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    log(f"installing Debian packages: {' '.join(packages)}")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", *packages],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,  # hundreds of lines; errors still reach stderr
    )


def require(command: str, log: Callable[[str], None] = print) -> str:
    """The path of `command` (one of DEBIAN_PACKAGES), installing its Debian package when it
    is missing and that is possible; Unavailable with the command to run when not."""
    found = shutil.which(command)
    if found:
        return found
    package = DEBIAN_PACKAGES[command]
    reason = why_apt_cannot_install()
    if reason is None:
        apt_install([package], log)
        found = shutil.which(command)
        if found:
            return found
        reason = f"the package {package} installed no `{command}`"
    raise Unavailable(f"`{command}` is missing and {reason}. Install it: {ELSEWHERE[command]}")
