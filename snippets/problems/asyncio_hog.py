# /// script
# [tool.guide]
# varies = "the gaps, by a few milliseconds"
# check = "property"
# ///
"""A coroutine that computes without awaiting starves every other task on the loop."""

import asyncio
import time


async def heartbeat(gaps: list[float]) -> None:
    last = time.perf_counter()
    while True:
        await asyncio.sleep(0.01)  # wants to run every 10 ms
        now = time.perf_counter()
        gaps.append(now - last)
        last = now


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


async def longest_gap(worker) -> float:
    gaps: list[float] = []
    beat = asyncio.create_task(heartbeat(gaps))
    await asyncio.sleep(0.05)
    await worker()
    await asyncio.sleep(0.05)
    beat.cancel()
    return max(gaps)


async def main() -> None:
    for worker in (hog, good_neighbour):
        print(f"{worker.__name__:<15} longest heartbeat gap {await longest_gap(worker):.2f} s")


if __name__ == "__main__":
    asyncio.run(main())
