# /// script
# [tool.guide]
# varies = "the times on a busy machine (never earlier than asked); the order never"
# check = "property"
# ///
"""asyncio's lowest layer: plain callbacks with call_soon, call_later and call_at."""

import asyncio
import time


def main() -> None:
    loop = asyncio.new_event_loop()  # no coroutine anywhere in this program
    start = loop.time()

    def log(what: str) -> None:
        print(f"{what:<28} ran after {loop.time() - start:.1f} s")

    loop.call_later(0.2, log, "call_later(0.2)")
    loop.call_at(start + 0.1, log, "call_at(start + 0.1)")
    loop.call_soon(log, "call_soon #1")
    loop.call_soon(log, "call_soon #2")  # same iteration, in the order they were added
    handle = loop.call_later(0.15, log, "cancelled before it ran")
    handle.cancel()

    def blocker() -> None:
        time.sleep(0.5)  # a callback that blocks holds up every other one
        log("blocker (slept 0.5 s)")

    loop.call_later(0.3, blocker)
    loop.call_later(0.35, log, "due at 0.35, ran late")
    loop.call_later(1.0, loop.stop)
    try:
        loop.run_forever()  # until loop.stop() runs
    finally:
        loop.close()


if __name__ == "__main__":
    main()
