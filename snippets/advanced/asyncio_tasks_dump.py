"""Where is every task waiting? get_stack() shows only the task's own coroutine; cr_await goes on."""

import asyncio


async def next_job(queue: asyncio.Queue) -> str:
    return await queue.get()  # waits for a job that never comes


async def fetch(queue: asyncio.Queue) -> None:
    await next_job(queue)  # a coroutine awaiting a coroutine


async def heartbeat() -> None:
    while True:
        await asyncio.sleep(1)


async def locked_update(lock: asyncio.Lock) -> None:
    async with lock:
        pass


def awaiting(task: asyncio.Task) -> str:
    """Follow the chain of awaits down from the task's coroutine."""
    links, awaited = [], task.get_coro()
    while hasattr(awaited, "cr_frame"):
        ours = awaited.cr_frame.f_code.co_filename == __file__  # asyncio's lines vary
        links.append(awaited.__qualname__ + (f":{awaited.cr_frame.f_lineno}" if ours else ""))
        awaited = awaited.cr_await  # another coroutine, a Future, or None if it is running
    return " -> ".join(links)


def dump_tasks() -> None:
    others = asyncio.all_tasks() - {asyncio.current_task()}  # all but the one dumping
    for task in sorted(others, key=lambda t: t.get_name()):
        stack = [f"{f.f_code.co_name}:{f.f_lineno}" for f in task.get_stack()]
        print(f"{task.get_name():<10} get_stack(): {', '.join(stack):<17} awaits: {awaiting(task)}")


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
