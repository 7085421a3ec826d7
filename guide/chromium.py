"""Debian's Chromium, as every part of the project starts it (the browser tests, the PDF
printer, the benchmarks): never a browser that Playwright downloads."""

from __future__ import annotations

import os
import shutil

# Chromium would otherwise reach Google's servers (the machine has no internet but PyPI,
# npm and Debian's packages) or show first-run UI.
ARGS = (
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
    "--disable-breakpad",
)
HOW_TO_INSTALL = (
    "the browser tests and the PDF need Debian's Chromium: install it with "
    "`apt-get install -y chromium` (never `playwright install`)"
)


class ChromiumMissing(RuntimeError):
    """No `chromium` on PATH."""


def executable() -> str:
    """The path of the `chromium` command; ChromiumMissing says how to get it."""
    path = shutil.which("chromium")
    if path is None:
        raise ChromiumMissing(f"Chromium was not found: {HOW_TO_INSTALL}")
    return path


def launch_options() -> dict:
    """Keyword arguments for Playwright's `chromium.launch()` (root needs --no-sandbox)."""
    args = list(ARGS)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")
    return {"executable_path": executable(), "args": args}
