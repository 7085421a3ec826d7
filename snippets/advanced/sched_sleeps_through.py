# /// script
# [tool.guide]
# varies = "the times, by a few milliseconds"
# check = "property"
# ///
"""sched.run() sleeps until its next event: an event added meanwhile by another thread waits."""

import sched
import threading
import time

if __name__ == "__main__":
    scheduler = sched.scheduler()  # the default clock is time.monotonic
    start = time.monotonic()

    def job(name: str) -> None:
        print(f"{time.monotonic() - start:.1f} s  {name}")

    def add_urgent_event() -> None:
        time.sleep(0.1)
        print(f"{time.monotonic() - start:.1f} s  another thread enters an event due now")
        scheduler.enter(0, 1, job, ("the urgent event, at last",))

    scheduler.enter(1.0, 1, job, ("the event run() was sleeping towards",))
    helper = threading.Thread(target=add_urgent_event)
    helper.start()
    scheduler.run()  # sleeps 1 s in one call to time.sleep, then looks at the queue again
    helper.join()
