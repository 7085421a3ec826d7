"""Swallowing CancelledError breaks the code that cancelled you: here, a timeout never fires."""

import asyncio


async def stubborn() -> str:
    try:
        await asyncio.sleep(0.2)
    except asyncio.CancelledError:
        print("  stubborn: caught CancelledError and carried on (don't)")
    return "finished anyway"


async def polite() -> str:
    try:
        await asyncio.sleep(0.2)
    except asyncio.CancelledError:
        print("  polite: cleaned up, re-raising")
        raise
    return "finished"


async def main() -> None:
    for work in (stubborn, polite):
        try:
            async with asyncio.timeout(0.03):
                result = await work()
            print(f"{work.__name__}: no TimeoutError; result {result!r}")
        except TimeoutError:
            print(f"{work.__name__}: TimeoutError after 30 ms, as intended")


if __name__ == "__main__":
    asyncio.run(main())
