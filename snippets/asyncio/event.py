"""An Event lets any number of tasks wait until one of them says 'go'."""

import asyncio


async def worker(name: str, config_loaded: asyncio.Event) -> None:
    print(f"{name}: waiting for the configuration")
    await config_loaded.wait()
    print(f"{name}: starting")


async def load_config(config_loaded: asyncio.Event) -> None:
    await asyncio.sleep(0.03)
    print("loader: configuration loaded")
    config_loaded.set()  # wakes every waiter; later wait() calls return at once


async def main() -> None:
    config_loaded = asyncio.Event()
    async with asyncio.TaskGroup() as group:
        for name in ("web", "mailer", "scheduler"):
            group.create_task(worker(name, config_loaded))
        group.create_task(load_config(config_loaded))
    await config_loaded.wait()
    print("a late waiter passes straight through: is_set() =", config_loaded.is_set())


if __name__ == "__main__":
    asyncio.run(main())
