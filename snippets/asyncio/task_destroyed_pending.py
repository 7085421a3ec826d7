"""A pending task that nobody refers to can be garbage-collected; asyncio then reports it."""

import asyncio
import gc


async def wait_for_reply() -> None:
    reply = asyncio.get_running_loop().create_future()  # only this task will ever hold it
    print("  waiting for a reply that nothing else can deliver")
    await reply
    print("  never printed")


def report(loop: asyncio.AbstractEventLoop, context: dict) -> None:
    task = context["task"]
    print(f"exception handler: {context['message']} ({task.get_name()}, done: {task.done()})")


async def main() -> None:
    asyncio.get_running_loop().set_exception_handler(report)
    task = asyncio.create_task(wait_for_reply(), name="reply-waiter")
    await asyncio.sleep(0)  # the task starts, and suspends on its future
    del task  # forgotten, as if create_task's result had never been stored
    print("collecting garbage")
    gc.collect()  # the task and its future refer only to each other: both are freed
    print("main: done")


if __name__ == "__main__":
    asyncio.run(main())
