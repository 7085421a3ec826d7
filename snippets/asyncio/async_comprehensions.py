"""Async comprehensions: 'async for' collects from async iterables; 'await' inside runs in turn."""

import asyncio
from collections.abc import AsyncIterator

under_way = most = 0  # fetches started and not yet finished; the most there were at once


async def countdown(n: int) -> AsyncIterator[int]:
    while n:
        await asyncio.sleep(0.005)
        yield n
        n -= 1


async def fetch(n: int) -> str:
    global under_way, most
    under_way += 1
    most = max(most, under_way)
    await asyncio.sleep(0.04)
    under_way -= 1
    return f"page-{n}"


async def main() -> None:
    global most
    print([n async for n in countdown(5)])
    print({n: n * n async for n in countdown(3) if n % 2})

    pages = [await fetch(n) for n in range(3)]  # one after another
    in_turn, most = most, 0
    same_pages = await asyncio.gather(*(fetch(n) for n in range(3)))  # all at once
    print("the same pages either way:", pages == same_pages)
    print(f"fetches under way at once: {in_turn} in the comprehension, {most} with gather")


if __name__ == "__main__":
    asyncio.run(main())
