# /// script
# [tool.guide]
# retries = 4  # the check compares measured times, which a briefly busy machine upsets
# varies = "the drift, by a few milliseconds"
# check = "property"
# ///
"""Periodic work in a thread: sleeping a fixed period drifts; sleeping until the next deadline does not."""

import threading
import time
from statistics import linear_regression

PERIOD, TICKS = 0.025, 16


def work() -> None:
    time.sleep(0.005)  # 5 ms of work at every tick


def naive(stop: threading.Event, ticks: list[float]) -> None:
    while len(ticks) < TICKS:
        ticks.append(time.monotonic())
        work()
        if stop.wait(PERIOD):  # a full period *after* the work: every tick comes 5 ms later
            return


def with_deadlines(stop: threading.Event, ticks: list[float]) -> None:
    deadline = time.monotonic()
    while len(ticks) < TICKS:
        ticks.append(time.monotonic())
        work()
        deadline += PERIOD  # the schedule, on a clock that never jumps
        now = time.monotonic()
        while deadline < now:  # the work overran a whole period: skip the missed ticks
            deadline += PERIOD
        if stop.wait(deadline - now):  # Event.wait: a sleep that stop.set() can interrupt
            return


if __name__ == "__main__":
    stop = threading.Event()
    results = {naive: [], with_deadlines: []}
    threads = [threading.Thread(target=f, args=(stop, ticks)) for f, ticks in results.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"{TICKS} ticks, one every {PERIOD * 1000:.0f} ms, each doing 5 ms of work")
    for function, ticks in results.items():
        late = [(t - ticks[0] - n * PERIOD) * 1000 for n, t in enumerate(ticks)]  # ms behind
        drift = linear_regression(range(TICKS), late).slope  # how fast the lateness grows
        drift = round(drift, 1) + 0.0  # adding 0.0 turns a rounded -0.0 into 0.0
        print(
            f"{function.__name__:<15} last tick {late[-1]:5.1f} ms late, drift {drift:.1f} ms per tick"
        )
