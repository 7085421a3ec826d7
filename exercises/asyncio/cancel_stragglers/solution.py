"""Download from four mirrors, use the first that answers, and cancel the others."""

import asyncio

MIRRORS = {"north": 0.05, "south": 0.3, "east": 0.35, "west": 0.4}  # seconds to answer


async def download(mirror: str, seconds: float) -> str:
    await asyncio.sleep(seconds)
    print(f"{mirror}: download finished")
    return mirror


async def main() -> None:
    tasks = [asyncio.create_task(download(m, s)) for m, s in MIRRORS.items()]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    winner = done.pop().result()
    print(f"main: using the file from {winner}")
    for task in pending:
        task.cancel()  # asks: CancelledError is raised at the task's next await
    await asyncio.gather(*pending, return_exceptions=True)  # wait until they have stopped
    await asyncio.sleep(0.5)  # the rest of the program's work
    wasted = [task for task in pending if not task.cancelled()]
    print(f"downloads that went on after the choice: {len(wasted)}")


if __name__ == "__main__":
    asyncio.run(main())
