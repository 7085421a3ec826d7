"""An asyncio.Lock held across the await makes each deposit atomic among tasks."""

import asyncio

balance = 0


async def deposit(amount: int, lock: asyncio.Lock) -> None:
    global balance
    async with lock:  # other tasks wait here, without blocking the event loop
        current = balance
        await asyncio.sleep(0)
        balance = current + amount


async def main() -> None:
    lock = asyncio.Lock()
    async with asyncio.TaskGroup() as group:
        for _ in range(100):
            group.create_task(deposit(10, lock))
    print(f"100 deposits of 10: balance {balance} (expected 1000)")


if __name__ == "__main__":
    asyncio.run(main())
