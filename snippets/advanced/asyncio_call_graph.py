# /// script
# requires-python = ">=3.14"
# ///
"""Python 3.14's call graph: every frame a task waits in, and the tasks that wait for it."""

import asyncio


async def next_job(queue: asyncio.Queue) -> str:
    return await queue.get()  # waits for a job that never comes


async def fetch(queue: asyncio.Queue) -> None:
    await next_job(queue)


async def crawl(queue: asyncio.Queue) -> None:
    async with asyncio.TaskGroup() as group:  # waits here for its tasks
        group.create_task(fetch(queue), name="fetcher")


def show(graph: asyncio.FutureCallGraph, indent: str = "") -> None:
    frames = [entry.frame for entry in graph.call_stack]  # innermost first
    where = " <- ".join(
        f.f_code.co_qualname + (f":{f.f_lineno}" if f.f_code.co_filename == __file__ else "")
        for f in frames  # line numbers only for this file: asyncio's own vary
    )
    print(f"{indent}{graph.future.get_name()}: {where}")
    for waiter in graph.awaited_by:  # the tasks awaiting this one, and what awaits them
        show(waiter, indent + "  awaited by ")


async def main() -> None:
    crawler = asyncio.create_task(crawl(asyncio.Queue()), name="crawler")
    await asyncio.sleep(0.01)  # let both tasks reach their first await
    fetcher = next(t for t in asyncio.all_tasks() if t.get_name() == "fetcher")
    show(asyncio.capture_call_graph(fetcher))
    crawler.cancel()
    await asyncio.gather(crawler, return_exceptions=True)


if __name__ == "__main__":
    asyncio.run(main())
