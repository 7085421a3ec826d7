"""A rate limiter from a Semaphore: each permit comes back 100 ms after it was taken."""

import asyncio
from collections import Counter


class RateLimiter:
    """At most `calls` starts in any window of `period` seconds."""

    def __init__(self, calls: int, period: float) -> None:
        self.permits = asyncio.Semaphore(calls)
        self.period = period

    async def __aenter__(self) -> None:
        await self.permits.acquire()
        asyncio.get_running_loop().call_later(self.period, self.permits.release)

    async def __aexit__(self, *exc_info) -> None:
        pass  # the permit is returned by the timer, not when the call ends


async def call_api(n: int, limiter: RateLimiter, started: list[float]) -> None:
    async with limiter:
        started.append(asyncio.get_running_loop().time())


async def main() -> None:
    limiter, started = RateLimiter(calls=5, period=0.1), []
    async with asyncio.TaskGroup() as group:
        for n in range(12):
            group.create_task(call_api(n, limiter, started))
    first = started[0]
    windows = Counter(round((t - first) / limiter.period) for t in started)
    for window, count in sorted(windows.items()):
        print(f"{window * 100:>3} ms: {count} calls started")


if __name__ == "__main__":
    asyncio.run(main())
