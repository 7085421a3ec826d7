# /// script
# [tool.guide]
# varies = "on Python 3.11 and 3.12 the leftover request goes unnoticed; from 3.13 a task group acts on it"
# check = "property"
# ///
"""A task that absorbs a cancellation it caused itself must call uncancel(), or the request lingers."""

import asyncio
import sys


async def fetch_with_soft_deadline(uncancel: bool) -> str:
    """Gives up on the slow source after 10 ms, by cancelling itself, and uses a default."""
    task = asyncio.current_task()
    timer = asyncio.get_running_loop().call_later(0.01, task.cancel)
    try:
        await asyncio.sleep(1)  # the slow source
        return "fresh"
    except asyncio.CancelledError:
        if uncancel:
            task.uncancel()  # this cancellation was ours: withdraw the request
        return "default"
    finally:
        timer.cancel()


async def child() -> None:
    await asyncio.sleep(0.01)
    raise ValueError("bad record")


async def main(uncancel: bool) -> None:
    task = asyncio.current_task()
    value = await fetch_with_soft_deadline(uncancel)
    print(f"  got {value!r}; requests still pending, task.cancelling(): {task.cancelling()}")
    try:
        async with asyncio.TaskGroup() as group:  # a child fails: the group cancels main
            group.create_task(child())
            await asyncio.sleep(1)
    except* ValueError:
        print("  the task group reported the child's ValueError")
    await asyncio.sleep(0.01)
    print("  main went on to the end")


if __name__ == "__main__":
    print(f"Python {sys.version_info.major}.{sys.version_info.minor}")
    for uncancel in (False, True):
        print("with uncancel():" if uncancel else "without uncancel():")
        try:
            asyncio.run(main(uncancel))
        except asyncio.CancelledError:
            print("  main was cancelled, though nobody asked for it")
