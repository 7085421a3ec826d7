"""Leaving an async for early leaves the generator suspended; aclosing runs its cleanup at once."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import aclosing


async def lines(name: str) -> AsyncIterator[str]:
    print(f"  {name}: file opened")
    try:
        for n in range(1, 100):
            await asyncio.sleep(0)
            yield f"line {n}"
    finally:
        print(f"  {name}: file closed")  # may itself await, so only an event loop can run it


async def main() -> None:
    print("break without aclosing:")
    async for line in lines("a.log"):
        if line == "line 2":
            break
    print("  after the loop: a.log is still open")  # it is closed later, as garbage

    print("break inside aclosing:")
    async with aclosing(lines("b.log")) as stream:
        async for line in stream:
            if line == "line 2":
                break
    print("  after the block")


if __name__ == "__main__":
    asyncio.run(main())
