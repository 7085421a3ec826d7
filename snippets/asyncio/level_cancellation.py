# /// script
# dependencies = ["anyio"]
# ///
"""asyncio cancels once (edge-triggered); an AnyIO cancel scope cancels every await (level)."""

import asyncio

import anyio


async def asyncio_side() -> None:
    task = asyncio.current_task()
    asyncio.get_running_loop().call_later(0.01, task.cancel)
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("asyncio: cancelled once; the next await goes ahead")
        await asyncio.sleep(0.01)
        print("asyncio: ... and completed (the cancellation was used up)")


async def anyio_side() -> None:
    with anyio.move_on_after(0.01):
        try:
            await anyio.sleep(1)
        except anyio.get_cancelled_exc_class():
            print("anyio:   cancelled; trying to await again inside the scope...")
            try:
                await anyio.sleep(0.01)
                print("anyio:   never printed")
            except anyio.get_cancelled_exc_class():
                print("anyio:   cancelled again: the scope stays cancelled")
                raise
    print("anyio:   left the scope; awaiting works again")
    await anyio.sleep(0)


if __name__ == "__main__":
    asyncio.run(asyncio_side())
    anyio.run(anyio_side)
