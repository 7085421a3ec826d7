# /// script
# requires-python = ">=3.13"
# ///
"""Queue.shutdown (3.13): consumers drain what is left, then get() raises QueueShutDown."""

import asyncio


async def consumer(name: str, jobs: asyncio.Queue, done: list[str]) -> None:
    while True:
        try:
            job = await jobs.get()
        except asyncio.QueueShutDown:  # shut down and empty: no sentinel values needed
            print(f"{name}: queue shut down, stopping")
            return
        await asyncio.sleep(0.01)
        done.append(job)
        jobs.task_done()


async def main() -> None:
    jobs: asyncio.Queue[str] = asyncio.Queue()
    done: list[str] = []
    async with asyncio.TaskGroup() as group:
        for name in ("first", "second"):
            group.create_task(consumer(name, jobs, done))
        for n in range(5):
            await jobs.put(f"job-{n}")
        jobs.shutdown()  # no more puts; the five jobs already queued are still handed out
        try:
            await jobs.put("too late")
        except asyncio.QueueShutDown:
            print("put() after shutdown raises QueueShutDown")
    print("handled:", sorted(done))

    jobs = asyncio.Queue()
    for n in range(3):
        jobs.put_nowait(n)
    jobs.shutdown(immediate=True)  # drop what is queued as well
    print("after shutdown(immediate=True) the queue holds", jobs.qsize(), "items")


if __name__ == "__main__":
    asyncio.run(main())
