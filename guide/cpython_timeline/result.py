"""What the recorder writes: {"python": "CPython 3.15.2", "exit_code": ..., "recording": ...}."""

from __future__ import annotations

import json
import platform
from pathlib import Path

from guide import timeline as guide_timeline


def python_version() -> str:
    return f"{platform.python_implementation()} {platform.python_version()}"


def write_result(
    out: Path, recorder: guide_timeline.Recorder, exit_code: int | None = None
) -> None:
    """The result: the interpreter, the snippet's exit code (None: it was stopped), the
    recording."""
    data = {"python": python_version(), "exit_code": exit_code, "recording": recorder.to_dict()}
    out.write_text(json.dumps(data), encoding="utf-8")
