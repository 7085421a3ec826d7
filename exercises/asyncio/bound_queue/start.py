"""A fast producer and a slow consumer share a queue; the queue grows without limit."""

import asyncio

ITEMS = 50

peak = 0  # the most items ever waiting in the queue


async def producer(queue: asyncio.Queue) -> None:
    global peak
    for item in range(ITEMS):
        await queue.put(item)
        peak = max(peak, queue.qsize())
    await queue.put(None)  # no more items


async def consumer(queue: asyncio.Queue) -> int:
    handled = 0
    while await queue.get() is not None:
        await asyncio.sleep(0.001)  # slow work on each item
        handled += 1
    return handled


async def main() -> None:
    queue: asyncio.Queue = asyncio.Queue()
    async with asyncio.TaskGroup() as group:  # Python 3.11+
        group.create_task(producer(queue))
        handling = group.create_task(consumer(queue))
    print(f"items handled: {handling.result()}")
    print(f"most items waiting at once: {peak}")


if __name__ == "__main__":
    asyncio.run(main())
