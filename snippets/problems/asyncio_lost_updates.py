"""Tasks share one thread, yet an `await` between read and write still loses updates."""

import asyncio

balance = 0


async def deposit(amount: int) -> None:
    global balance
    current = balance  # read
    await asyncio.sleep(0)  # an await: the event loop may run other tasks here
    balance = current + amount  # write back a stale value


async def main() -> None:
    async with asyncio.TaskGroup() as group:
        for _ in range(100):
            group.create_task(deposit(10))
    print(f"100 deposits of 10: balance {balance} (expected 1000)")


if __name__ == "__main__":
    asyncio.run(main())
