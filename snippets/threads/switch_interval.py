# /// script
# [tool.guide]
# varies = "the number of switches, which depends on the machine and its load"
# check = "property"
# ///
"""sys.setswitchinterval sets how long one thread may hold the GIL while another waits."""

import sys
import threading
import time

RUN_FOR = 0.15  # seconds of busy work per measurement


def count_switches(interval: float) -> int:
    """Two busy threads; count how often the one running changes."""
    state = {"last": None, "switches": 0}

    def spin(me: str, until: float) -> None:
        while time.perf_counter() < until:
            if state["last"] != me:  # the other thread ran since we last looked
                state["last"] = me
                state["switches"] += 1

    sys.setswitchinterval(interval)
    until = time.perf_counter() + RUN_FOR
    threads = [threading.Thread(target=spin, args=(name, until)) for name in "ab"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return state["switches"]


if __name__ == "__main__":
    default = sys.getswitchinterval()
    print(f"default switch interval: {default * 1000:g} ms")
    for interval in (0.001, default, 0.05):
        switches = count_switches(interval)
        print(f"interval {interval * 1000:4g} ms: {switches:3} switches in {RUN_FOR} s")
    sys.setswitchinterval(default)
