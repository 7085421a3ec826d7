"""CPythons this Debian release does not package, taken from Debian unstable's packages.

Debian 12 ships CPython 3.11 only; Debian unstable (sid) ships the newest releases. Mixing
sid's packages into the machine would pull in a newer C library, so they live apart: in a
minimal Debian unstable root made by debootstrap from the mirror the machine's apt already
uses, cached outside the repository (~/.cache/concurrent-python/debian-sid), made once.

`command()` runs a program inside that root with the checkout bind-mounted at its own path,
so paths read the same inside and out. It uses a private mount namespace (unshare), so the
mounts (the checkout, /proc, /dev, /sys) vanish with the program: nothing to clean up.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from . import system

VERSIONS = ("3.14", "3.15")  # what the root provides
PACKAGES = tuple(f"python{v}{suffix}" for v in VERSIONS for suffix in ("", "-venv"))
CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "concurrent-python"
ROOT = CACHE / "debian-sid"
READY = ROOT / ".concurrent-python-packages"  # written last: lists what the root holds
PATH_INSIDE = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
COPIED_FROM_HOST = ("etc/hosts", "etc/resolv.conf")  # localhost and name lookups inside

ENTER = Path(__file__).with_name("enter_debian_root.sh")  # mounts, then chroot


def is_ready() -> bool:
    try:
        return READY.read_text(encoding="utf-8").split() == list(PACKAGES)
    except OSError:
        return False


def why_unavailable() -> str | None:
    """None when the root exists or can be made here; otherwise the reason."""
    if is_ready():
        return None
    return system.why_apt_cannot_install()


def debian_mirror(apt: Path = Path("/etc/apt")) -> str:
    """The Debian mirror this machine's apt uses (deb822 or one-line sources)."""
    sources = [apt / "sources.list", *sorted((apt / "sources.list.d").glob("*"))]
    for source in sources:
        if source.suffix not in {".list", ".sources"} or not source.is_file():
            continue
        for line in source.read_text(encoding="utf-8").splitlines():
            words = line.split()
            uris = (
                words[1:] if words[:1] == ["URIs:"] else words[1:2] if words[:1] == ["deb"] else []
            )
            for uri in uris:
                if uri.rstrip("/").endswith("/debian"):
                    return uri
    return "http://deb.debian.org/debian"


def ensure(log: Callable[[str], None] = print) -> Path:
    """The root, made first if needed (about a minute and 330 MB). Raises system.Unavailable
    when this machine cannot make it."""
    if is_ready():
        return ROOT
    system.require("debootstrap", log)
    reason = system.why_apt_cannot_install()
    if reason:
        raise system.Unavailable(f"cannot make the Debian unstable root: {reason}")
    partial = ROOT.with_name(ROOT.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    shutil.rmtree(ROOT, ignore_errors=True)
    partial.parent.mkdir(parents=True, exist_ok=True)
    mirror = debian_mirror()
    log(f"making a Debian unstable root with {', '.join(PACKAGES)} from {mirror} in {ROOT}")
    subprocess.run(
        [
            "debootstrap",
            "--variant=minbase",
            f"--include={','.join(PACKAGES)}",
            "sid",
            str(partial),
            mirror,
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    for name in COPIED_FROM_HOST:
        host = Path("/") / name
        if host.is_file():
            (partial / name).unlink(missing_ok=True)
            shutil.copyfile(host, partial / name)
    (partial / READY.name).write_text(" ".join(PACKAGES) + "\n", encoding="utf-8")
    partial.rename(ROOT)
    return ROOT


def command(checkout: Path, argv: list[str], workdir: Path | None = None) -> list[str]:
    """The command line that runs `argv` inside the root, in `workdir` (default: the
    checkout), with the checkout mounted at its own path. The environment passes through
    but for PATH (the root's own) and TMPDIR (the root's /tmp)."""
    checkout = checkout.resolve()
    workdir = (workdir or checkout).resolve()
    return [
        "unshare",
        "--mount",
        "--propagation",
        "private",
        "--",
        "env",
        "-u",
        "TMPDIR",
        f"PATH={PATH_INSIDE}",
        "/bin/sh",
        str(ENTER),
        str(ROOT),
        str(checkout),
        str(workdir),
        *argv,
    ]


def main(argv: list[str]) -> int:
    """python3 -m toolchain.debian_root COMMAND...: run COMMAND (say `python3.15 x.py`) in
    the root, from the current directory inside the checkout, making the root first."""
    if not argv:
        print(main.__doc__)
        return 2
    checkout = Path(__file__).resolve().parents[1]
    ensure()
    return subprocess.run(command(checkout, argv, Path.cwd())).returncode


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
