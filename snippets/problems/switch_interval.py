# /// script
# [tool.guide]
# retries = 4  # the check compares measured times, which a briefly busy machine upsets
# varies = "the counts, which depend on timing"
# check = "property"
# ///
"""The switch interval: how long a thread may keep the GIL while another thread wants it."""

import sys
import threading
import time

last_runner = ""
switches = 0


def spin(name: str, deadline: float) -> None:
    global last_runner, switches
    while time.perf_counter() < deadline:
        if last_runner != name:  # another thread ran since we last looked
            switches += 1
            last_runner = name


def count_switches(interval: float, seconds: float = 0.2) -> int:
    global switches
    switches = 0
    sys.setswitchinterval(interval)
    deadline = time.perf_counter() + seconds
    threads = [threading.Thread(target=spin, args=(n, deadline)) for n in ("A", "B")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return switches


if __name__ == "__main__":
    default = sys.getswitchinterval()
    print(f"default switch interval: {default * 1000:g} ms")
    for interval in (0.0001, default, 0.05):
        count = count_switches(interval)
        print(f"interval {interval * 1000:>4g} ms: {count:>4} switches in 0.2 s")
    sys.setswitchinterval(default)
