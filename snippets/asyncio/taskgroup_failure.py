"""When a task in a TaskGroup fails, the group cancels the others and raises an ExceptionGroup."""

import asyncio

outcomes: dict[str, str] = {}


async def download(name: str, seconds: float) -> None:
    outcomes[name] = "started"
    try:
        await asyncio.sleep(seconds)
        outcomes[name] = "finished"
    except asyncio.CancelledError:
        outcomes[name] = "cancelled"
        raise  # always let cancellation propagate


async def broken_download() -> None:
    await asyncio.sleep(0.02)
    raise ConnectionResetError("peer went away")


async def main() -> None:
    try:
        async with asyncio.TaskGroup() as group:
            for name, seconds in [("small.txt", 0.01), ("big.iso", 1.0), ("medium.zip", 0.5)]:
                group.create_task(download(name, seconds))
            group.create_task(broken_download())
    except* ConnectionError as errors:  # catches the matching part of the ExceptionGroup
        print(f"caught {errors!r}")
    print("the other downloads:", outcomes)


if __name__ == "__main__":
    asyncio.run(main())
