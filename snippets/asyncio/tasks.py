"""create_task schedules a coroutine to run on its own; the caller goes on until it awaits."""

import asyncio

brewing = 0  # drinks started and not yet ready


async def brew(drink: str, seconds: float) -> str:
    global brewing
    print(f"  {drink}: started")
    brewing += 1
    await asyncio.sleep(seconds)
    brewing -= 1
    print(f"  {drink}: ready")
    return drink


async def main() -> None:
    tea = asyncio.create_task(brew("tea", 0.4), name="tea")
    coffee = asyncio.create_task(brew("coffee", 0.1), name="coffee")
    print("two tasks created, neither has started; done:", tea.done(), coffee.done())

    await asyncio.sleep(0)  # one turn of the loop: both tasks run up to their first await
    print(f"main goes on while they brew: {brewing} drinks at once")

    drinks = [await tea, await coffee]  # awaiting a task waits for its result
    print(f"{drinks}; tea done: {tea.done()}, named {tea.get_name()!r}")


if __name__ == "__main__":
    asyncio.run(main())
