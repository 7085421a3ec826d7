"""Whether a run had the free cores its speed-up check needs (see guide.properties)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from guide.properties import SpeedUpCheckFailed
from guide.snippet_metadata import SNIPPETS

from .cores import parallel_capacity

ROOT = SNIPPETS.parent
# A core counts as free when it did at least this share of what a lone core does, so two
# cores when parallel_capacity(2) >= 1.7. Two free cores measure 1.8 to 2.0 here (median
# 1.94); beside one busy process 1.0 to 1.45; beside two about 1.1, above 1.7 in one
# calibration of ten, hence both before and after the run. A demo runs at about 85% of the
# cores it gets (1.7x of 2), so at 1.7 it still shows the 1.3x it promises.
FREE_CORE = 0.85
SKIPPED = "cores missing:"  # how a skip for lack of free cores begins (conftest counts them)


@dataclass(frozen=True)
class Calibration:
    """parallel_capacity() just before and just after one run of a snippet."""

    cores: int  # how many free cores the snippet's check needs
    before: float
    after: float

    @property
    def enough(self) -> float:
        return FREE_CORE * self.cores

    @property
    def had_the_cores(self) -> bool:
        return min(self.before, self.after) >= self.enough

    def __str__(self) -> str:
        return (
            f"{self.cores} CPU-bound processes did {self.before:.2f} cores' worth of work side "
            f"by side just before the run and {self.after:.2f} just after "
            f"({self.cores} free cores show at least {self.enough:.1f})"
        )


class CoresMissing(AssertionError):
    """An attempt that says nothing about the speed-up: the machine lacked the free cores.
    An AssertionError, so that retry_on_failure tries again; if the last attempt ends so,
    the test is skipped and the recorder records nothing."""


def beside_calibration(
    attempt: Callable[[], None],
    cores: int,
    *,
    even_if_it_holds: bool = False,
    capacity: Callable[[int], float] | None = None,
) -> Calibration:
    """Call `attempt` (a run of a snippet whose check needs `cores` free cores, and the
    check) between two calibrations of how many cores the machine gives right now.

    Only a failed speed-up check (SpeedUpCheckFailed: a speed-up missing, or one where none
    should be) depends on them: when a calibration found the cores busy it becomes
    CoresMissing, otherwise it is a real failure. Any other failure, say a wrong answer, is
    raised as it is. With `even_if_it_holds` (recording), a check
    that held without the cores raises CoresMissing too: the speed-up it shows is not what
    the machine gives. `capacity` stands in for parallel_capacity in tests."""
    capacity = capacity or parallel_capacity
    before = capacity(cores)
    try:
        attempt()
    except SpeedUpCheckFailed as failure:
        calibration = Calibration(cores, before, capacity(cores))
        if calibration.had_the_cores:
            raise SpeedUpCheckFailed(f"{failure}, although {calibration}") from failure
        raise CoresMissing(f"{SKIPPED} {failure}, and {calibration}") from failure
    calibration = Calibration(cores, before, capacity(cores))
    if even_if_it_holds and not calibration.had_the_cores:
        raise CoresMissing(f"{SKIPPED} the check held, but {calibration}")
    return calibration
