"""gather runs awaitables concurrently and returns their results in the order they were passed."""

import asyncio


async def square(n: int) -> int:
    await asyncio.sleep(0.05 * (5 - n))  # the last one finishes first
    print(f"  square({n}) finished")
    return n * n


async def main() -> None:
    results = await asyncio.gather(*(square(n) for n in range(1, 5)))
    print("results, in argument order:", results)


if __name__ == "__main__":
    asyncio.run(main())
