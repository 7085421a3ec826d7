"""The manifest of recorded runs: snippets/recorded.json says, for each snippet, which
interpreter produced its .out file and with what exit code."""

from __future__ import annotations

import fcntl
import json
from contextlib import contextmanager
from pathlib import Path

from guide.snippet_metadata import RECORDINGS as MANIFEST
from guide.snippet_metadata import recordings


@contextmanager
def updating():
    """Read, change and write the manifest under a lock (recordings may run in parallel)."""
    lock_path = Path(str(MANIFEST) + ".lock")
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        manifest = recordings()
        yield manifest
        MANIFEST.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    lock_path.unlink(missing_ok=True)
