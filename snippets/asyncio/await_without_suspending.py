# /// script
# [tool.guide]
# varies = "the number of awaits and heartbeats, and when the timeout fires; without a yield there is never a heartbeat or a timeout"
# check = "property"
# ///
"""An await suspends the task only if it reaches a future that is not done yet."""

import asyncio

BUSY, TIMEOUT = 0.2, 0.05  # seconds: the busy loop's length, and a timeout much shorter


async def square(n: int) -> int:
    await asyncio.sleep(0.001)  # the slow path really waits
    return n * n


async def lookup(cache: dict[int, asyncio.Task[int]], n: int) -> int:
    if n not in cache:
        cache[n] = asyncio.create_task(square(n))
    return await cache[n]  # a task that is already done gives its result at once


async def heartbeat(beats: list[float]) -> None:
    while True:
        await asyncio.sleep(0.005)
        beats.append(asyncio.get_running_loop().time())


async def busy(cache: dict[int, asyncio.Task[int]], yield_every: int) -> int:
    """Look up cached values for BUSY seconds; every yield_every awaits, yield if asked."""
    loop = asyncio.get_running_loop()
    end, awaits = loop.time() + BUSY, 0
    while loop.time() < end:
        await lookup(cache, awaits % 10)  # runs inline, reaches only done futures
        awaits += 1
        if yield_every and awaits % yield_every == 0:
            await asyncio.sleep(0)  # reaches a future that is not done: the task suspends
    return awaits


async def trial(label: str, cache: dict[int, asyncio.Task[int]], yield_every: int) -> None:
    loop, beats = asyncio.get_running_loop(), []
    beat = asyncio.create_task(heartbeat(beats))
    start = loop.time()
    try:
        async with asyncio.timeout(TIMEOUT):
            awaits = await busy(cache, yield_every)
        outcome = f"{awaits:,} awaits, no TimeoutError"
    except TimeoutError:
        outcome = "TimeoutError"
    beat.cancel()
    elapsed = (loop.time() - start) * 1000
    print(f"{label:<31} {len(beats):2} heartbeats, {outcome} after {elapsed:.0f} ms")


async def main() -> None:
    cache: dict[int, asyncio.Task[int]] = {}
    print("cache filled:", await asyncio.gather(*(lookup(cache, n) for n in range(10))))
    print(f"{BUSY * 1000:.0f} ms of lookups in asyncio.timeout({TIMEOUT}), a heartbeat every 5 ms")
    await trial("await lookup() only", cache, yield_every=0)
    await trial("and asyncio.sleep(0) every 100", cache, yield_every=100)


if __name__ == "__main__":
    asyncio.run(main())
