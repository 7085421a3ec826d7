"""If the main task swallows the cancellation, Runner.run() returns its value: no KeyboardInterrupt."""

import asyncio
import os
import signal


async def main() -> str:
    asyncio.get_running_loop().call_later(0.1, os.kill, os.getpid(), signal.SIGINT)
    try:
        await asyncio.sleep(10)
        return "finished"
    except asyncio.CancelledError:
        print("main task: cancelled by Ctrl-C; returning a partial result instead")
        return "partial"  # the cancellation is swallowed here


if __name__ == "__main__":
    with asyncio.Runner() as runner:
        try:
            print("run() returned:", runner.run(main()))
        except KeyboardInterrupt:
            print("run() raised KeyboardInterrupt")
        print("the loop is still usable:", runner.run(asyncio.sleep(0, "yes")))
