"""Queue.get() loses nothing when cancelled; picking one of several finished gets does."""

import asyncio


async def cancelled_after_the_item_arrived() -> None:
    queue = asyncio.Queue()
    getter = asyncio.create_task(queue.get())
    await asyncio.sleep(0)  # the getter now waits on the empty queue
    queue.put_nowait("job 1")  # wakes the getter ...
    getter.cancel()  # ... but it is cancelled before it runs again
    await asyncio.gather(getter, return_exceptions=True)
    print("get() cancelled:", getter.cancelled(), "| items still in the queue:", queue.qsize())
    try:
        async with asyncio.timeout(0.01):  # a timeout is a cancellation too
            print("next get() under a timeout:", await queue.get())
    except TimeoutError:
        print("timed out")


async def first_of(queues: list[asyncio.Queue], careful: bool) -> list:
    gets = [asyncio.create_task(queue.get()) for queue in queues]
    done, pending = await asyncio.wait(gets, return_when=asyncio.FIRST_COMPLETED)
    for task in pending:
        task.cancel()  # a pending get is cancelled safely: its item stays queued
    finished = [task.result() for task in gets if task in done]
    return finished if careful else finished[:1]  # keeping one drops the other items


async def main() -> None:
    await cancelled_after_the_item_arrived()
    for careful in (False, True):
        orders, refunds = asyncio.Queue(), asyncio.Queue()
        orders.put_nowait("order 7")
        refunds.put_nowait("refund 3")
        taken = await first_of([orders, refunds], careful)
        left = orders.qsize() + refunds.qsize()
        way = "every finished get" if careful else "the first finished get"
        print(f"{way}: took {taken}, still queued: {left}, lost: {2 - len(taken) - left}")


if __name__ == "__main__":
    asyncio.run(main())
