"""The runner's state, two objects: `interpreter`, what lasts across runs (set up once), and
`run`, what belongs to the run in progress (begin() starts it afresh for each program).

Both objects stay the same for the interpreter's life (their attributes change): the
baseline a run is reset to holds this module's names too."""

from __future__ import annotations

import itertools
import types
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from guide import timeline as guide_timeline

    from .baseline import Baseline
    from .loop import Policy, RunLoop
    from .streams import PrintedLines


class Interpreter:
    """Set up once per interpreter (setup(), install_runtime()) and kept across runs."""

    def __init__(self) -> None:
        self.flush: Callable[[], None] = lambda: None  # sends the pending output to the page
        self.block: Callable[[float], None] | None = None  # waits on the interrupt buffer
        self.policy: Policy | None = None  # the event loop policy, making RunLoops
        self.runtimes: dict[str, types.ModuleType] = {}  # need: its runtime's module
        self.sessions: dict[str, types.ModuleType] = {}  # session: its __main__
        self.baseline: Baseline | None = None  # the state every run starts from


class Run:
    """The run in progress."""

    def __init__(self) -> None:
        self.begin()

    def begin(self) -> None:
        self.stopping = False  # Stop was asked for
        self.exit_code: Any = None  # of a SystemExit raised in an event loop's callback
        self.lacking: list[str] = []  # what it tried to use that a browser lacks
        self.task_names: Iterator[int] = itertools.count(1)
        self.loops: list[RunLoop] = []  # its event loops
        self.recorder: guide_timeline.Recorder | None = None  # its timeline
        self.printed: PrintedLines | None = None  # what it printed, for the timeline


interpreter = Interpreter()
run = Run()
