"""as_completed hands results over in the order they finish, not the order they were started."""

import asyncio

QUERIES = {"users": (0.06, 1_200), "orders": (0.02, 35_000), "stock": (0.04, 870)}


async def query(table: str) -> tuple[str, int]:
    seconds, rows = QUERIES[table]
    await asyncio.sleep(seconds)
    return table, rows


async def main() -> None:
    print("started in this order:", list(QUERIES))
    for next_result in asyncio.as_completed([query(table) for table in QUERIES]):
        table, rows = await next_result  # the earliest result not handed out yet
        print(f"{table:>6}: {rows:,} rows")


if __name__ == "__main__":
    asyncio.run(main())
