# /// script
# [tool.guide]
# varies = "every timing, which depends on the machine and its load"
# check = "property"
# ///
"""Measure with time.perf_counter (wall time, waits included); time.thread_time counts CPU only."""

import statistics
import threading
import time


def best_of(repeats: int, action) -> tuple[float, float]:
    """Run `action` several times; return the fastest and the median wall time."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()  # monotonic, high resolution: made for intervals
        action()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def start_and_join(count: int) -> None:
    threads = [threading.Thread(target=lambda: None) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def sleeper(report: dict[str, tuple[float, float]]) -> None:
    start = time.perf_counter()
    time.sleep(0.05)  # waits: the thread uses no CPU meanwhile
    report["sleeping"] = (time.perf_counter() - start, time.thread_time())


def spinner(report: dict[str, tuple[float, float]]) -> None:
    start = time.perf_counter()
    while time.thread_time() < 0.05:  # computes until it has used 50 ms of CPU
        pass
    report["spinning"] = (time.perf_counter() - start, time.thread_time())


if __name__ == "__main__":
    fastest, median = best_of(5, lambda: start_and_join(100))
    print(
        f"start + join of one thread: fastest {fastest * 1e4:.0f} µs, median {median * 1e4:.0f} µs"
    )

    report: dict[str, tuple[float, float]] = {}
    threads = [threading.Thread(target=f, args=(report,)) for f in (sleeper, spinner)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for name, (wall, cpu) in sorted(report.items()):
        print(f"{name} thread: wall {wall:.3f} s, CPU (thread_time) {cpu:.3f} s")
