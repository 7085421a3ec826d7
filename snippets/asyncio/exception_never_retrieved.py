"""A task that fails with nobody awaiting it: the error surfaces only when the task is garbage."""

import asyncio


def report(loop: asyncio.AbstractEventLoop, context: dict) -> None:
    """An exception handler; the default one logs the same context, with a traceback."""
    print(f"  exception handler: {context['message']}")
    print(f"    task {context['future'].get_name()!r} raised {context['exception']!r}")


async def send_welcome_mail(user: str) -> None:
    await asyncio.sleep(0.01)
    raise ConnectionRefusedError(f"mail server down, {user} gets no mail")


async def main() -> None:
    asyncio.get_running_loop().set_exception_handler(report)
    task = asyncio.create_task(send_welcome_mail("ada"), name="welcome-mail")
    await asyncio.sleep(0.02)
    print("the task has failed; so far nothing was reported:", task.done())
    print("dropping the last reference to it:")
    del task  # the error is reported now, or never if the task is kept in a list forever
    print("done")


if __name__ == "__main__":
    asyncio.run(main())
