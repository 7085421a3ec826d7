"""A cancelled acquire() never leaks the lock; a cancelled task between acquire and release does."""

import asyncio


async def granted_then_cancelled() -> None:
    lock = asyncio.Lock()
    await lock.acquire()
    waiter = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)  # the waiter is queued on the lock
    lock.release()  # the lock goes to the waiter ...
    waiter.cancel()  # ... which is cancelled before it runs again
    await asyncio.gather(waiter, return_exceptions=True)
    print("acquire() cancelled:", waiter.cancelled(), "| lock still held:", lock.locked())


async def update(lock: asyncio.Lock, careful: bool) -> None:
    if careful:
        async with lock:  # releases on any exit, CancelledError included
            await asyncio.sleep(1)  # writing to a slow store
    else:
        await lock.acquire()
        await asyncio.sleep(1)  # cancelled here: release() below never runs
        lock.release()


async def main() -> None:
    await granted_then_cancelled()
    for careful in (False, True):
        lock = asyncio.Lock()
        task = asyncio.create_task(update(lock, careful))
        await asyncio.sleep(0.01)
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        way = "async with lock" if careful else "acquire() ... release()"
        try:
            async with asyncio.timeout(0.05):
                async with lock:
                    print(f"{way}: the next user got the lock")
        except TimeoutError:
            print(f"{way}: the next user waited in vain, the lock is held by a dead task")


if __name__ == "__main__":
    asyncio.run(main())
