# /// script
# requires-python = ">=3.12"
# ///
"""A small tracer built on sys.monitoring (3.12+): count the calls each thread makes."""

import sys
import threading
from collections import Counter

TOOL = sys.monitoring.PROFILER_ID
calls: Counter[tuple[str, str]] = Counter()
counts_lock = threading.Lock()


def on_start(code, offset):
    if code.co_filename != __file__:
        return sys.monitoring.DISABLE  # never report this function again: no cost
    with counts_lock:
        calls[threading.current_thread().name, code.co_qualname] += 1


def parse(line: str) -> list[int]:
    return [int(field) for field in line.split(",")]


def checksum(numbers: list[int]) -> int:
    return sum(numbers) % 97


def worker(lines: list[str]) -> None:
    for line in lines:
        checksum(parse(line))


if __name__ == "__main__":
    sys.monitoring.use_tool_id(TOOL, "call-counter")
    sys.monitoring.register_callback(TOOL, sys.monitoring.events.PY_START, on_start)
    sys.monitoring.set_events(TOOL, sys.monitoring.events.PY_START)  # every thread
    threads = [
        threading.Thread(target=worker, args=(["1,2,3"] * n,), name=f"reader-{n}") for n in (3, 5)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    sys.monitoring.set_events(TOOL, 0)
    sys.monitoring.free_tool_id(TOOL)
    for (thread_name, function), count in sorted(calls.items()):
        print(f"{thread_name:9} {function:9} {count} calls")
