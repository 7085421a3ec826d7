# /// script
# [tool.guide]
# varies = "the times, by a few milliseconds"
# check = "numbers-masked"
# ///
"""sched: a single-threaded event scheduler; the same time runs by priority, cancel() removes one."""

import sched
import time

if __name__ == "__main__":
    scheduler = sched.scheduler(time.monotonic, time.sleep)  # the defaults, written out
    start = time.monotonic()

    def job(name: str) -> None:
        print(f"{time.monotonic() - start:.1f} s  {name}")

    # enterabs: at an absolute time on the scheduler's clock; enter: after a delay from now.
    scheduler.enterabs(start + 0.2, 2, job, ("rotate the logs",))
    scheduler.enterabs(start + 0.2, 1, job, ("flush the cache (same time, lower number first)",))
    scheduler.enter(0.1, 1, job, ("send the heartbeat",))
    reminder = scheduler.enter(0.15, 1, job, ("never printed",))
    scheduler.cancel(reminder)
    print(f"queued: {len(scheduler.queue)} events")
    scheduler.run()  # blocks, sleeping until each event is due, until the queue is empty
    print(f"queue empty: {scheduler.empty()}")
