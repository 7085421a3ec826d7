"""create_task schedules a coroutine to run on its own; the caller goes on until it awaits."""

import asyncio
import time


async def brew(drink: str, seconds: float) -> str:
    print(f"  {drink}: started")
    await asyncio.sleep(seconds)
    print(f"  {drink}: ready")
    return drink


async def main() -> None:
    start = time.perf_counter()
    tea = asyncio.create_task(brew("tea", 0.06), name="tea")
    coffee = asyncio.create_task(brew("coffee", 0.04), name="coffee")
    print("two tasks created, neither has started; done:", tea.done(), coffee.done())

    await asyncio.sleep(0)  # one turn of the loop: both tasks run up to their first await
    print("main goes on while they brew")

    drinks = [await tea, await coffee]  # awaiting a task waits for its result
    elapsed = time.perf_counter() - start
    print(f"{drinks}; tea done: {tea.done()}, named {tea.get_name()!r}")
    print("took about the longest brew (60 ms), not the sum (100 ms):", elapsed < 0.09)


if __name__ == "__main__":
    asyncio.run(main())
