# /// script
# [tool.guide]
# varies = "which ticks are skipped, when the machine is slow"
# check = "property"
# ///
"""Cron-like jobs overlap when one run outlasts the interval; a skip-if-running guard prevents it."""

import threading
import time

INTERVAL = 0.06
DURATIONS = [0.02, 0.15, 0.02, 0.02, 0.02]  # the second run is slow: it spans two more ticks


class Job:
    def __init__(self, guarded: bool) -> None:
        self.guarded = guarded
        self.running = self.most_at_once = 0
        self.ran, self.skipped = [], []
        self._busy = threading.Lock()  # the guard: held while a run is in progress
        self._count = threading.Lock()  # protects the counters

    def run(self, tick: int) -> None:
        if self.guarded and not self._busy.acquire(blocking=False):
            self.skipped.append(tick)  # the previous run is still going: skip this one
            return
        try:
            with self._count:
                self.running += 1
                self.most_at_once = max(self.most_at_once, self.running)
                self.ran.append(tick)
            time.sleep(DURATIONS[tick])  # the job's work, e.g. a report or a backup
            with self._count:
                self.running -= 1
        finally:
            if self.guarded:
                self._busy.release()


def every_interval(job: Job) -> None:
    """A tiny cron: start the job in its own thread at every tick, on monotonic deadlines."""
    started, deadline = [], time.monotonic()
    for tick in range(len(DURATIONS)):
        time.sleep(max(0.0, deadline - time.monotonic()))
        thread = threading.Thread(target=job.run, args=(tick,))
        thread.start()
        started.append(thread)
        deadline += INTERVAL
    for thread in started:
        thread.join()


if __name__ == "__main__":
    jobs = [Job(guarded=False), Job(guarded=True)]
    schedulers = [threading.Thread(target=every_interval, args=(job,)) for job in jobs]
    for scheduler in schedulers:
        scheduler.start()
    for scheduler in schedulers:
        scheduler.join()
    for job in jobs:
        label = "skip-if-running guard" if job.guarded else "no guard"
        print(
            f"{label:<22} ran ticks {job.ran}, skipped {job.skipped}, at most {job.most_at_once} at once"
        )
