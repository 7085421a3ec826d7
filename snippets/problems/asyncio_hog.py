# /// script
# [tool.guide]
# varies = "the number of heartbeats beside the good neighbour, and the gaps, by a few milliseconds"
# check = "property"
# ///
"""A coroutine that computes without awaiting starves every other task on the loop."""

import asyncio
import time
from itertools import pairwise


async def heartbeat(beats: list[float]) -> None:
    while True:
        await asyncio.sleep(0.01)  # wants to run every 10 ms
        beats.append(time.perf_counter())


def crunch(seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass  # stands in for real computation


async def hog() -> None:
    crunch(0.3)  # never awaits: nothing else on the loop can run


async def good_neighbour() -> None:
    for _ in range(30):
        crunch(0.01)
        await asyncio.sleep(0)  # lets the loop run other ready tasks


async def beside(worker) -> None:
    beats: list[float] = []
    beat = asyncio.create_task(heartbeat(beats))
    await asyncio.sleep(0.05)
    start = time.perf_counter()
    await worker()
    end = time.perf_counter()
    await asyncio.sleep(0.05)
    beat.cancel()
    during = sum(start < t <= end for t in beats)
    gap = max(later - earlier for earlier, later in pairwise(beats))
    print(f"{worker.__name__:<15} {during:>2} heartbeats while it ran, longest gap {gap:.2f} s")


async def main() -> None:
    await beside(hog)
    await beside(good_neighbour)


if __name__ == "__main__":
    asyncio.run(main())
