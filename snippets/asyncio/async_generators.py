"""Async generators: yield inside async def, consumed with async for, chained into a pipeline."""

import asyncio
from collections.abc import AsyncIterator


async def readings() -> AsyncIterator[float]:
    for value in (19.5, 21.0, 35.2, 20.4, 38.9):
        await asyncio.sleep(0.01)  # waits for the next measurement
        yield value


async def too_hot(values: AsyncIterator[float], limit: float) -> AsyncIterator[float]:
    async for value in values:  # each stage pulls from the one before it
        if value > limit:
            yield value


async def main() -> None:
    async for value in too_hot(readings(), limit=30):
        print(f"alarm: {value} °C")

    hot = too_hot(readings(), limit=30)
    print("anext() works too:", await anext(hot), await anext(hot))
    print("and a default when it is exhausted:", await anext(hot, "no more alarms"))


if __name__ == "__main__":
    asyncio.run(main())
