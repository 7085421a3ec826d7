"""A Semaphore caps how many tasks are inside a section at once: ten downloads, three at a time."""

import asyncio
import time


class Tracker:
    def __init__(self) -> None:
        self.active = self.peak = 0


async def download(n: int, limit: asyncio.Semaphore, tracker: Tracker) -> None:
    async with limit:  # waits while three downloads are already running
        tracker.active += 1
        tracker.peak = max(tracker.peak, tracker.active)
        await asyncio.sleep(0.03)
        tracker.active -= 1


async def main() -> None:
    limit, tracker = asyncio.Semaphore(3), Tracker()
    start = time.perf_counter()
    async with asyncio.TaskGroup() as group:
        for n in range(10):
            group.create_task(download(n, limit, tracker))
    elapsed = time.perf_counter() - start
    print(f"10 downloads of 30 ms, at most {tracker.peak} at a time")
    print("four waves (3 + 3 + 3 + 1), so at least 120 ms:", elapsed >= 0.12)


if __name__ == "__main__":
    asyncio.run(main())
