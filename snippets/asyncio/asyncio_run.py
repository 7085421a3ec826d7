"""asyncio.run makes a fresh loop, runs one coroutine, cancels what is left, and closes the loop."""

import asyncio


async def forgotten_worker() -> None:
    try:
        await asyncio.sleep(10)
    finally:
        print("  forgotten_worker: cancelled by asyncio.run on the way out")


async def main(label: str) -> tuple[asyncio.AbstractEventLoop, asyncio.Task]:
    worker = asyncio.create_task(forgotten_worker())  # still pending when main returns
    await asyncio.sleep(0)
    print(f"{label}: main returns")
    return asyncio.get_running_loop(), worker


async def nested() -> None:
    coroutine = main("nested")
    try:
        asyncio.run(coroutine)
    except RuntimeError as error:
        print("RuntimeError:", error)
        coroutine.close()  # it never ran: close it to avoid a 'never awaited' warning


if __name__ == "__main__":
    first, worker = asyncio.run(main("first run"))
    second, _ = asyncio.run(main("second run"))
    print("the leftover task ended cancelled:", worker.cancelled())
    print("each run had its own loop:", first is not second)
    print("and closed it:", first.is_closed(), second.is_closed())
    asyncio.run(nested())
