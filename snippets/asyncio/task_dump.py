"""What is every task waiting for? Walk each task's chain of awaits, like a small 'asyncio ps'."""

import asyncio


async def fetch(url: str) -> None:
    await asyncio.sleep(10)  # the innermost await: a timer


async def crawler(urls: list[str]) -> None:
    for url in urls:
        await fetch(url)


async def consumer(jobs: asyncio.Queue) -> None:
    while True:
        await jobs.get()


def await_chain(task: asyncio.Task) -> str:
    links, awaited = [], task.get_coro()
    while hasattr(awaited, "cr_frame"):  # a coroutine: note where it is suspended
        frame = awaited.cr_frame
        ours = frame.f_code.co_filename == __file__  # line numbers in asyncio itself vary
        links.append(f"{awaited.__qualname__}()" + (f" line {frame.f_lineno}" if ours else ""))
        awaited = awaited.cr_await  # what it awaits: another coroutine, a Future, or nothing
    return " -> ".join([*links, "a Future" if awaited is not None else "(running: this code)"])


async def main() -> None:
    jobs: asyncio.Queue = asyncio.Queue()
    workers = [
        asyncio.create_task(crawler(["/a", "/b"]), name="crawler"),
        asyncio.create_task(consumer(jobs), name="consumer"),
    ]
    await asyncio.sleep(0)  # let them reach their first await
    for task in sorted(asyncio.all_tasks(), key=asyncio.Task.get_name):
        print(f"{task.get_name():<9} {await_chain(task)}")
    for task in workers:
        task.cancel()


if __name__ == "__main__":
    asyncio.run(main())
