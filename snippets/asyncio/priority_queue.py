"""A PriorityQueue hands out the smallest item first: urgent jobs jump the line."""

import asyncio


async def main() -> None:
    jobs: asyncio.PriorityQueue[tuple[int, int, str]] = asyncio.PriorityQueue()
    arrivals = [
        (2, "resize thumbnails"),
        (0, "page the on-call engineer"),
        (1, "send receipt"),
        (2, "rebuild search index"),
        (0, "restart the database"),
    ]
    for order, (priority, job) in enumerate(arrivals):
        jobs.put_nowait((priority, order, job))  # order breaks ties: first come, first served

    while not jobs.empty():
        priority, _, job = await jobs.get()
        print(f"priority {priority}: {job}")


if __name__ == "__main__":
    asyncio.run(main())
