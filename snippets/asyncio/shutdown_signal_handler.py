# /// script
# [tool.guide]
# varies = "how many units each worker finished"
# check = "property"
# ///
"""loop.add_signal_handler(): turn SIGTERM and SIGINT into a graceful stop (Unix only)."""

import asyncio
import os
import signal


async def worker(name: str, stop: asyncio.Event) -> None:
    done = 0
    while not stop.is_set():
        await asyncio.sleep(0.02)  # stands for one unit of work
        done += 1
    print(f"{name}: stop seen, finished after {done} whole units")


async def main() -> None:
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()

    def on_signal(signum: signal.Signals) -> None:  # a plain loop callback, not a C handler
        print(f"{signum.name} received: asking the workers to stop")
        stop.set()

    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, on_signal, signum)
    loop.call_later(0.1, os.kill, os.getpid(), signal.SIGTERM)  # as `kill PID` would

    async with asyncio.TaskGroup() as group:
        for name in ("alpha", "beta"):
            group.create_task(worker(name, stop))
    print("every worker has finished; exiting with status 0")


if __name__ == "__main__":
    asyncio.run(main())
