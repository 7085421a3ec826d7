"""Deadlock needs no threads: two tasks take two asyncio locks in opposite orders."""

import asyncio


async def transfer(first: asyncio.Lock, second: asyncio.Lock) -> None:
    async with first:
        await asyncio.sleep(0.01)  # the other task takes its first lock meanwhile
        async with second:
            print("has both locks")  # never printed


async def main() -> None:
    x, y = asyncio.Lock(), asyncio.Lock()
    a = asyncio.create_task(transfer(x, y), name="A")
    b = asyncio.create_task(transfer(y, x), name="B")
    done, pending = await asyncio.wait({a, b}, timeout=0.3)  # bounded: never waits forever
    waiting = sorted(task.get_name() for task in pending)
    print(f"after 0.3 s: {len(done)} tasks finished, still waiting: {waiting}")
    print(f"x locked: {x.locked()}, y locked: {y.locked()}")
    for task in pending:
        task.cancel()  # CancelledError is raised at the await, and `async with` unlocks
    await asyncio.gather(*pending, return_exceptions=True)
    print(f"after cancelling: x locked: {x.locked()}, y locked: {y.locked()}")


if __name__ == "__main__":
    asyncio.run(main())
