"""Three waits awaited one after another take the sum of their times; gathered, the longest."""

import asyncio
import time

WAITS = {"a": 0.1, "b": 0.6, "c": 0.35}  # seconds each download takes
TOTAL = sum(WAITS.values())


async def download(name: str, seconds: float) -> str:
    print(f"  {name}: start")
    await asyncio.sleep(seconds)  # stands in for the network
    print(f"  {name}: done")
    return name


async def main() -> None:
    start = time.perf_counter()
    for name, seconds in WAITS.items():  # each await finishes before the next begins
        await download(name, seconds)
    sequential = time.perf_counter() - start
    print(f"one after another: at least the sum ({TOTAL:.2f} s):", sequential >= TOTAL)

    start = time.perf_counter()
    await asyncio.gather(*(download(name, seconds) for name, seconds in WAITS.items()))
    gathered = time.perf_counter() - start
    print("gathered: less than the sum:", gathered < TOTAL)


if __name__ == "__main__":
    asyncio.run(main())
