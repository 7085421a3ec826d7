"""Async comprehensions: 'async for' collects from async iterables; 'await' inside runs in turn."""

import asyncio
import time
from collections.abc import AsyncIterator


async def countdown(n: int) -> AsyncIterator[int]:
    while n:
        await asyncio.sleep(0.005)
        yield n
        n -= 1


async def fetch(n: int) -> str:
    await asyncio.sleep(0.04)
    return f"page-{n}"


async def main() -> None:
    print([n async for n in countdown(5)])
    print({n: n * n async for n in countdown(3) if n % 2})

    start = time.perf_counter()
    pages = [await fetch(n) for n in range(3)]  # one after another: about 3 x 40 ms
    in_turn = time.perf_counter() - start
    start = time.perf_counter()
    same_pages = await asyncio.gather(*(fetch(n) for n in range(3)))  # all at once: about 40 ms
    together = time.perf_counter() - start
    print(pages == same_pages, "- but the comprehension took 120 ms or more:", in_turn >= 0.12)
    print("gather took less than 80 ms:", together < 0.08)


if __name__ == "__main__":
    asyncio.run(main())
