"""TaskGroup (3.11): the async with block does not end until every task started in it has ended."""

import asyncio

PAGES = {"home": 0.05, "about": 0.02, "blog": 0.04}


async def fetch(page: str, seconds: float) -> str:
    await asyncio.sleep(seconds)
    print(f"  fetched {page}")
    return f"<html>{page}</html>"


async def main() -> None:
    async with asyncio.TaskGroup() as group:
        tasks = {page: group.create_task(fetch(page, s)) for page, s in PAGES.items()}
        print("three tasks started; the block now waits for all of them")
    print("after the block every task is done:", all(t.done() for t in tasks.values()))
    print({page: task.result() for page, task in tasks.items()})


if __name__ == "__main__":
    asyncio.run(main())
