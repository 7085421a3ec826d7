"""asyncio.timeout (3.11) cancels the work in its block when time runs out, and raises TimeoutError."""

import asyncio


async def slow_query(seconds: float) -> str:
    try:
        await asyncio.sleep(seconds)
        return f"answer after {seconds * 1000:.0f} ms"
    finally:
        print(f"  slow_query({seconds}): cleaning up")


async def main() -> None:
    for seconds in (0.01, 0.2):
        try:
            async with asyncio.timeout(0.05) as scope:
                print(await slow_query(seconds))
        except TimeoutError:  # the built-in TimeoutError, since 3.11
            print(f"gave up after 50 ms; scope.expired() = {scope.expired()}")

    answer = await asyncio.wait_for(slow_query(0.01), timeout=0.05)  # the older form, still fine
    print("wait_for:", answer)


if __name__ == "__main__":
    asyncio.run(main())
