"""Four tasks each pay 100 coins into one balance; a pause inside the update loses payments."""

import asyncio

TASKS = 4
PAYMENTS = 100  # per task

balance = 0


async def pay_in() -> None:
    global balance
    for _ in range(PAYMENTS):
        seen = balance  # read
        await asyncio.sleep(0)  # ask the ledger service: the other tasks run meanwhile
        balance = seen + 1  # write back what may be stale by now


async def main() -> None:
    async with asyncio.TaskGroup() as group:  # Python 3.11+
        for _ in range(TASKS):
            group.create_task(pay_in())
    print(f"balance: {balance} (expected {TASKS * PAYMENTS})")


if __name__ == "__main__":
    asyncio.run(main())
