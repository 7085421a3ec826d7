# /// script
# dependencies = ["anyio"]
# ///
"""AnyIO's task group: Trio's nursery on top of asyncio; a failure cancels the siblings."""

import anyio


async def download(name: str, seconds: float) -> None:
    try:
        await anyio.sleep(seconds)
        print(f"  {name}: finished")
    except anyio.get_cancelled_exc_class():  # asyncio.CancelledError on the asyncio backend
        print(f"  {name}: cancelled")
        raise


async def broken() -> None:
    await anyio.sleep(0.02)
    raise ConnectionResetError("peer went away")


async def main() -> None:
    async with anyio.create_task_group() as group:  # start_soon returns nothing: no handles
        group.start_soon(download, "small.txt", 0.01)
        group.start_soon(download, "big.iso", 0.05)
    print("the block waited for both")

    try:
        async with anyio.create_task_group() as group:
            group.start_soon(download, "big.iso", 1.0)
            group.start_soon(broken)
    except* ConnectionError as errors:
        print("caught", repr(errors.exceptions[0]))


if __name__ == "__main__":
    anyio.run(main)  # anyio.run(main, backend="trio") would run the same code on Trio
