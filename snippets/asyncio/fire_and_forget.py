"""The loop keeps only weak references to tasks: keep your own until they finish."""

import asyncio

background_tasks: set[asyncio.Task] = set()


async def send_audit_log(event: str) -> None:
    await asyncio.sleep(0.02)
    print(f"  audit log written: {event}")


def fire_and_forget(coroutine) -> asyncio.Task:
    task = asyncio.create_task(coroutine)
    background_tasks.add(task)  # a strong reference: the task cannot vanish mid-flight
    task.add_done_callback(background_tasks.discard)  # ... dropped once it is done
    return task


async def handle_request(user: str) -> str:
    fire_and_forget(send_audit_log(f"{user} logged in"))
    return f"welcome, {user}"  # answers at once; the log is written in the background


async def main() -> None:
    for user in ("ada", "grace"):
        print(await handle_request(user))
    print("tasks still running:", len(background_tasks))
    await asyncio.sleep(0.05)
    print("tasks still running:", len(background_tasks))


if __name__ == "__main__":
    asyncio.run(main())
