# /// script
# dependencies = ["reactivex"]
# ///
"""reactivex inside asyncio: timers on the running loop, values handed to a coroutine."""

import asyncio
import threading

import reactivex
from reactivex import operators as ops
from reactivex.scheduler.eventloop import AsyncIOScheduler


async def main() -> None:
    loop = asyncio.get_running_loop()
    scheduler = AsyncIOScheduler(loop)  # Rx timers become loop.call_later callbacks
    ticks = reactivex.interval(0.05).pipe(  # 0, 1, 2, ... every 50 ms
        ops.map(lambda n: n * n),
        ops.take(4),
    )

    # Bridge: push each value into an asyncio.Queue, and pull from it with `await`.
    queue: asyncio.Queue = asyncio.Queue()
    end = object()
    threads = set()

    def on_next(value: int) -> None:
        threads.add(threading.current_thread().name)
        queue.put_nowait(value)

    ticks.subscribe(on_next, on_completed=lambda: queue.put_nowait(end), scheduler=scheduler)
    while (value := await queue.get()) is not end:
        print("the coroutine got", value)
    print("every value came on the loop's thread:", threads == {threading.current_thread().name})

    # A whole observable can also be awaited: the result is its last value.
    total = await reactivex.of(1, 2, 3).pipe(ops.sum())
    print("awaited the sum:", total)


if __name__ == "__main__":
    asyncio.run(main())
