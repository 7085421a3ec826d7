"""A Barrier (3.11) holds each task until all of them have arrived, then releases them together."""

import asyncio

LOADING = {"ann": 0.03, "bo": 0.01, "cy": 0.02}  # seconds each player needs to load a level


async def player(name: str, everyone_ready: asyncio.Barrier) -> None:
    for level in (1, 2):
        await asyncio.sleep(LOADING[name])
        print(f"level {level}: {name} loaded, waiting")
        position = await everyone_ready.wait()  # a distinct number for each task
        if position == 0:
            print(f"level {level}: all {everyone_ready.parties} players ready, go!")


async def main() -> None:
    everyone_ready = asyncio.Barrier(len(LOADING))  # reusable: it resets after each round
    async with asyncio.TaskGroup() as group:
        for name in LOADING:
            group.create_task(player(name, everyone_ready))


if __name__ == "__main__":
    asyncio.run(main())
