# /// script
# [tool.guide]
# varies = "the order in which the two services close"
# check = "lines-any-order"
# ///
"""Stop a whole TaskGroup from a signal: a task in the group raises, and the group cancels the rest."""

import asyncio
import os
import signal


class ShutdownRequested(Exception):
    pass


async def stop_on_signal(signum: signal.Signals) -> None:
    loop = asyncio.get_running_loop()
    received = asyncio.Event()
    loop.add_signal_handler(signum, received.set)
    try:
        await received.wait()
    finally:
        loop.remove_signal_handler(signum)
    raise ShutdownRequested(signum.name)


async def serve(name: str) -> None:
    try:
        await asyncio.sleep(10)  # stands for a long-running service
    except asyncio.CancelledError:
        print(f"{name}: cancelled by the group, closing")
        raise


async def main() -> None:
    asyncio.get_running_loop().call_later(0.1, os.kill, os.getpid(), signal.SIGTERM)
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(stop_on_signal(signal.SIGTERM))
            group.create_task(serve("web"))
            group.create_task(serve("metrics"))
    except* ShutdownRequested as shutdown:
        print(f"group ended by {shutdown.exceptions[0]}; every task is done")


if __name__ == "__main__":
    asyncio.run(main())
