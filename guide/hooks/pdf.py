"""MkDocs hook: what the PDF's cover says, for builds with the print page (GUIDE_PDF=true).

The print-site plugin renders the cover (pdf/cover.html) with `config` only; this hook
puts into `config.extra.guide_pdf` the edition (build date, and the commit when the sources
are a git checkout), the CPython versions the examples are tested on, and the interpreter(s)
that recorded the outputs shown. Nothing happens when the print page is switched off.
"""

from __future__ import annotations

import datetime
import os
import subprocess

from guide import paths, snippet_metadata


def _enabled(config) -> bool:
    plugin = config.plugins.get("print-site")
    return bool(plugin and plugin.config.get("enabled"))


def _build_date() -> datetime.date:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else today (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    now = (
        datetime.datetime.fromtimestamp(int(epoch), datetime.UTC)
        if epoch
        else datetime.datetime.now(datetime.UTC)
    )
    return now.date()


def _commit() -> str | None:
    try:
        result = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=paths.ROOT,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() or None


def _recorders() -> list[str]:
    return sorted({entry["python"] for entry in snippet_metadata.recordings().values()})


def on_config(config):
    if not _enabled(config):
        return config
    date = _build_date()
    recorders = _recorders()
    config.extra["guide_pdf"] = {
        "date": f"{date.day} {date:%B %Y}",
        "iso_date": date.isoformat(),
        "commit": _commit(),
        "pythons": "CPython " + snippet_metadata.in_words(),
        "recorders": snippet_metadata.in_words(tuple(recorders)) if recorders else None,
    }
    return config
