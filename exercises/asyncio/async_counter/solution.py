"""Four tasks each pay 100 coins into one balance; an asyncio.Lock spans the pause."""

import asyncio

TASKS = 4
PAYMENTS = 100  # per task

balance = 0


async def pay_in(lock: asyncio.Lock) -> None:
    global balance
    for _ in range(PAYMENTS):
        async with lock:  # another task that reaches here waits until this payment is in
            seen = balance
            await asyncio.sleep(0)  # ask the ledger service
            balance = seen + 1


async def main() -> None:
    lock = asyncio.Lock()
    async with asyncio.TaskGroup() as group:  # Python 3.11+
        for _ in range(TASKS):
            group.create_task(pay_in(lock))
    print(f"balance: {balance} (expected {TASKS * PAYMENTS})")


if __name__ == "__main__":
    asyncio.run(main())
