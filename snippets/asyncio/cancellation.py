"""task.cancel() raises CancelledError inside the task at its await; finally blocks run, and may await."""

import asyncio


async def worker() -> None:
    print("worker: connection opened")
    try:
        await asyncio.sleep(3600)  # an hour without data; the CancelledError appears here
    except asyncio.CancelledError as error:
        print(f"worker: cancelled, message {error.args[0]!r}")
        raise  # re-raise, so the task ends up cancelled
    finally:
        await asyncio.sleep(0.01)  # cleanup may await: flush buffers, say goodbye, ...
        print("worker: connection closed")


async def main() -> None:
    task = asyncio.create_task(worker())
    await asyncio.sleep(0.035)
    task.cancel("shutting down")  # a request: the loop delivers it on its next iteration
    print("main: cancel requested; done yet?", task.done())
    try:
        await task
    except asyncio.CancelledError:
        print("main: awaiting it raised CancelledError; task.cancelled() =", task.cancelled())


if __name__ == "__main__":
    asyncio.run(main())
