"""Where is every task waiting? asyncio.all_tasks() and each task's suspended frame tell."""

import asyncio


async def fetch(queue: asyncio.Queue) -> None:
    await queue.get()  # waits for a job that never comes


async def heartbeat() -> None:
    while True:
        await asyncio.sleep(1)


async def locked_update(lock: asyncio.Lock) -> None:
    async with lock:
        pass


def dump_tasks() -> None:
    for task in sorted(asyncio.all_tasks(), key=lambda t: t.get_name()):
        frames = task.get_stack()  # for a suspended coroutine: the frame where it awaits
        where = (
            f"line {frames[-1].f_lineno} in {frames[-1].f_code.co_name}" if frames else "running"
        )
        print(f"{task.get_name():<12} {where}")


async def main() -> None:
    lock = asyncio.Lock()
    await lock.acquire()  # held by main: locked_update will wait
    tasks = [
        asyncio.create_task(fetch(asyncio.Queue()), name="fetcher"),
        asyncio.create_task(heartbeat(), name="heartbeat"),
        asyncio.create_task(locked_update(lock), name="updater"),
    ]
    await asyncio.sleep(0.01)  # let them all reach their first await
    dump_tasks()
    for task in tasks:
        task.cancel()
    lock.release()
    await asyncio.gather(*tasks, return_exceptions=True)


if __name__ == "__main__":
    asyncio.run(main())
