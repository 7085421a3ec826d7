# /// script
# [tool.guide]
# varies = "which worker takes which job; every job is still handled exactly once"
# check = "property"
# ///
"""Producer and consumers around a bounded asyncio.Queue: put waits when it is full (backpressure)."""

import asyncio
import random


async def producer(jobs: asyncio.Queue, count: int) -> None:
    for job in range(1, count + 1):
        await jobs.put(job)  # waits while the queue holds maxsize items
        print(f"queued job {job:>2}; {jobs.qsize()} waiting (max {jobs.maxsize})")


async def worker(name: str, jobs: asyncio.Queue, handled: dict[int, str]) -> None:
    while True:
        job = await jobs.get()
        await asyncio.sleep(random.uniform(0.005, 0.02))  # handling takes a varying time
        handled[job] = handled.get(job, "") + name
        jobs.task_done()  # one task_done() per get(), or join() waits forever


async def main() -> None:
    jobs: asyncio.Queue[int] = asyncio.Queue(maxsize=3)
    handled: dict[int, str] = {}
    workers = [asyncio.create_task(worker(n, jobs, handled)) for n in ("A", "B")]
    await producer(jobs, count=10)
    await jobs.join()  # until every queued job is marked done
    for task in workers:
        task.cancel()  # they would wait for more jobs forever
    await asyncio.gather(*workers, return_exceptions=True)
    print("who handled each job:", dict(sorted(handled.items())))
    for name in ("A", "B"):
        print(f"worker {name}: {sum(who == name for who in handled.values())} jobs")


if __name__ == "__main__":
    asyncio.run(main())
