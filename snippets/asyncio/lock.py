"""One thread, yet a race: an await between reading and writing lets other tasks in. A Lock fixes it."""

import asyncio


class Account:
    def __init__(self) -> None:
        self.balance = 0
        self.lock = asyncio.Lock()

    async def deposit(self, amount: int) -> None:
        current = self.balance
        await asyncio.sleep(0.001)  # e.g. a round trip to a database between read and write
        self.balance = current + amount

    async def deposit_locked(self, amount: int) -> None:
        async with self.lock:  # one task at a time between read and write
            await self.deposit(amount)


async def main() -> None:
    for method in ("deposit", "deposit_locked"):
        account = Account()
        async with asyncio.TaskGroup() as group:
            for _ in range(10):
                group.create_task(getattr(account, method)(100))
        print(f"{method:<15} 10 x 100 -> balance {account.balance}")


if __name__ == "__main__":
    asyncio.run(main())
