# /// script
# [tool.guide]
# varies = "the measured durations, and the file paths in the messages"
# check = "property"
# ///
"""asyncio's debug mode: it reports callbacks that block the loop and coroutines never awaited."""

import asyncio
import logging
import sys
import time


async def notify(user: str) -> None:
    await asyncio.sleep(0)


async def handler() -> None:
    time.sleep(0.15)  # a blocking call inside a coroutine: the whole loop stops for 150 ms
    notify("ada")  # forgot the await: the coroutine is created and never runs


async def main() -> None:
    asyncio.get_running_loop().slow_callback_duration = 0.1  # default 0.1 s; tune it here
    sys.set_coroutine_origin_tracking_depth(1)  # debug mode records 10 frames; 1 is enough here
    await asyncio.create_task(handler(), name="handler")


if __name__ == "__main__":
    logging.basicConfig(format="%(levelname)s %(name)s: %(message)s")
    # Also: PYTHONASYNCIODEBUG=1 or python -X dev turn debug mode on without changing code.
    asyncio.run(main(), debug=True)
