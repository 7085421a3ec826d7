"""A failing program's traceback as CPython would print it: from the reader's first frame
on, without the frames of the machinery a browser run adds (this package, the timeline,
Pyodide's event loop, the simulated threads)."""

from __future__ import annotations

import os
import traceback
import types

from guide import timeline as guide_timeline
from guide.timeline.loop_trace import trace_loop


def chain(error: BaseException):
    """The error and those it was raised from or while handling, once each."""
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        yield error
        error = error.__cause__ or error.__context__


def format_error(error: BaseException, filename: str) -> str:
    """The traceback CPython would print, without the runner's own frames."""
    for link in chain(error):
        link.__traceback__ = _trim(link.__traceback__, filename)
    if isinstance(error, ModuleNotFoundError) and error.name:
        error.args = (f"No module named {error.name!r}",)  # not Pyodide's "micropip.install"
    return "".join(traceback.format_exception(error))


def _trim(tb: types.TracebackType | None, filename: str) -> types.TracebackType | None:
    """Frames from the reader's first one on, less those of the machinery."""
    entries = []
    while tb is not None:
        entries.append(tb)
        tb = tb.tb_next
    first = next(
        (i for i, e in enumerate(entries) if e.tb_frame.f_code.co_filename == filename), None
    )
    if first is None:
        return None
    kept = [e for e in entries[first:] if not _is_machinery(e.tb_frame.f_code.co_filename)]
    for entry, following in zip(kept, [*kept[1:], None], strict=True):
        entry.tb_next = following
    return kept[0]


def _is_machinery(filename: str) -> bool:
    return filename in _MACHINERY_FILES or any(part in filename for part in _MACHINERY_PARTS)


_MACHINERY_FILES = frozenset({guide_timeline.__file__, trace_loop.__code__.co_filename})
_MACHINERY_PARTS = (
    os.path.dirname(__file__) + "/",  # this package
    "/pyodide/webloop.py",
    "/_pyodide/",
    "/site-packages/simthreads/",
)
