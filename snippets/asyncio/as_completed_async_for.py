# /// script
# requires-python = ">=3.13"
# ///
"""Since 3.13 as_completed also works with async for and yields the original tasks."""

import asyncio

QUERIES = {"users": (0.06, 1_200), "orders": (0.02, 35_000), "stock": (0.04, 870)}


async def query(table: str) -> int:
    seconds, rows = QUERIES[table]
    await asyncio.sleep(seconds)
    return rows


async def main() -> None:
    tasks = [asyncio.create_task(query(table), name=table) for table in QUERIES]
    async for task in asyncio.as_completed(tasks):
        print(f"{task.get_name():>6}: {task.result():,} rows; one of ours: {task in tasks}")


if __name__ == "__main__":
    asyncio.run(main())
