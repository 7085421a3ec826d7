# /// script
# requires-python = ">=3.15"
# [tool.guide]
# varies = "the order in which the two services close"
# check = "lines-any-order"
# ///
"""Python 3.15: TaskGroup.cancel() stops the group and its body; `async with` exits quietly."""

import asyncio
import os
import signal


async def serve(name: str) -> None:
    try:
        await asyncio.sleep(10)  # stands for a long-running service
    except asyncio.CancelledError:
        print(f"{name}: cancelled, closing")
        raise


async def main() -> None:
    loop = asyncio.get_running_loop()
    loop.call_later(0.1, os.kill, os.getpid(), signal.SIGTERM)
    async with asyncio.TaskGroup() as group:
        loop.add_signal_handler(signal.SIGTERM, group.cancel)
        group.create_task(serve("web"))
        group.create_task(serve("metrics"))
        await asyncio.sleep(10)  # the body waits too, and is cancelled with the rest
        print("never printed")
    loop.remove_signal_handler(signal.SIGTERM)
    print("the group exited without raising; main goes on")


if __name__ == "__main__":
    asyncio.run(main())
