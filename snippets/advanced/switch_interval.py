# /// script
# [tool.guide]
# varies = "how many turns the threads took"
# check = "property"
# ///
"""The GIL's switch interval decides how long a busy thread runs before it must let another run."""

import sys
import threading
from itertools import pairwise

STEPS = 500_000


def take_turns(interval: float) -> tuple[int, int]:
    """Two busy threads append their name to one list; count the runs of the same name."""
    sys.setswitchinterval(interval)
    trace: list[str] = []
    start = threading.Barrier(2)

    def busy(name: str) -> None:
        start.wait()
        for _ in range(STEPS):
            trace.append(name)

    threads = [threading.Thread(target=busy, args=(name,)) for name in "AB"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    turns = 1 + sum(a != b for a, b in pairwise(trace))
    return turns, len(trace)


if __name__ == "__main__":
    default = sys.getswitchinterval()
    print(f"default switch interval: {default * 1000:g} ms")
    for interval in (0.05, 0.001):
        turns, appended = take_turns(interval)
        print(
            f"interval {interval * 1000:>2g} ms: {turns:>3} turns, {appended:,} of {2 * STEPS:,} appends kept"
        )
    sys.setswitchinterval(default)
