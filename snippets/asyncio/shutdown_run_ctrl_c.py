"""What asyncio.run() does on Ctrl-C: cancel the main task, clean up, raise KeyboardInterrupt."""

import asyncio
import os
import signal


async def background() -> None:
    try:
        await asyncio.sleep(10)
    finally:
        print("background task: cancelled when asyncio.run() closes, cleaning up")


async def main() -> None:
    installed = signal.getsignal(signal.SIGINT)
    print("while it runs, SIGINT's handler is asyncio's:", installed != signal.default_int_handler)
    task = asyncio.create_task(background())
    loop = asyncio.get_running_loop()
    loop.call_later(0.1, os.kill, os.getpid(), signal.SIGINT)  # Ctrl-C in 0.1 s
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("main task: CancelledError at its await, so its clean-up can run")
        raise  # let the cancellation finish the task
    finally:
        print(f"main task: finally block runs; background done yet: {task.done()}")


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        print("asyncio.run() raised KeyboardInterrupt once everything was cleaned up")
    print(
        "SIGINT's handler is the default again:",
        signal.getsignal(signal.SIGINT) == signal.default_int_handler,
    )
