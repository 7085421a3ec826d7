# /// script
# dependencies = ["reactivex"]
# [tool.guide]
# varies = "how many items the consumer had handled when the producer finished"
# check = "property"
# ///
"""Push has no brake: a fast producer fills an unbounded backlog. A bounded queue pulls."""

import asyncio
import threading
import time

from reactivex import operators as ops
from reactivex.scheduler import EventLoopScheduler
from reactivex.subject import Subject

SENT = 40


def push_with_rx() -> None:
    handled, finished = 0, threading.Event()

    def slow_consumer(item: int) -> None:
        nonlocal handled
        time.sleep(0.005)  # at least 5 ms per item: 0.2 s or more for all
        handled += 1

    source = Subject()
    worker = EventLoopScheduler()  # one thread that runs the consumer
    source.pipe(ops.observe_on(worker)).subscribe(slow_consumer, on_completed=finished.set)
    for i in range(SENT):
        source.on_next(i)  # returns at once: the item waits in observe_on's queue
    print(f"rx: producer sent {SENT}; consumer had handled {handled}; the rest queued")
    source.on_completed()
    finished.wait()
    worker.dispose()
    print(f"rx: consumer caught up later: handled {handled}")


async def pull_with_a_bounded_queue() -> None:
    queue: asyncio.Queue = asyncio.Queue(maxsize=3)
    handled = 0

    async def slow_consumer() -> None:
        nonlocal handled
        while True:
            await queue.get()
            await asyncio.sleep(0.005)
            handled += 1
            queue.task_done()

    consumer = asyncio.create_task(slow_consumer())
    for i in range(SENT):
        await queue.put(i)  # waits while the queue is full: the consumer sets the pace
    print(
        f"asyncio: producer sent {SENT}; consumer had handled {handled}; queue holds {queue.qsize()}"
    )
    await queue.join()
    consumer.cancel()


if __name__ == "__main__":
    push_with_rx()
    asyncio.run(pull_with_a_bounded_queue())
