# /// script
# [tool.guide]
# varies = "the number of heartbeats, which depends on how long the jobs take and on the machine's load"
# check = "property"
# ///
"""run_in_executor hands CPU-bound work to a pool of threads or processes; the loop stays free."""

import asyncio
import os
import time
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor

LIMIT = 120_000  # a fifth of a second or so of counting per job


def count_primes(limit: int) -> tuple[int, int]:
    count = sum(all(n % d for d in range(2, int(n**0.5) + 1)) for n in range(2, limit))
    return os.getpid(), count


async def heartbeat(beats: list[float]) -> None:
    while True:
        await asyncio.sleep(0.02)
        beats.append(time.perf_counter())


async def run_on(label: str, pool: Executor) -> None:
    loop, beats = asyncio.get_running_loop(), []
    beat = asyncio.create_task(heartbeat(beats))
    start = time.perf_counter()
    jobs = [loop.run_in_executor(pool, count_primes, LIMIT) for _ in range(4)]
    results = await asyncio.gather(*jobs)  # the loop is free while the pool computes
    elapsed = time.perf_counter() - start
    beat.cancel()
    pids = {pid for pid, _ in results}
    assert all(count == 11_301 for _, count in results), results
    where = "this process" if pids == {os.getpid()} else f"{len(pids)} other processes"
    print(f"{label}: 4 x count_primes({LIMIT:_}), computed in {where}")
    idle = int(elapsed / 0.02)  # what a loop with nothing else to do could have beaten
    print(f"{label}: {len(beats)} heartbeats while they ran (at most {idle}, one every 20 ms)")


async def start_workers(pool: Executor) -> None:
    """Start the worker processes before timing anything."""
    await asyncio.gather(
        *(asyncio.get_running_loop().run_in_executor(pool, abs, 0) for _ in range(2))
    )


async def main() -> None:
    with ThreadPoolExecutor(max_workers=2) as threads, ProcessPoolExecutor(2) as processes:
        await start_workers(processes)
        await run_on("threads  ", threads)
        await run_on("processes", processes)


if __name__ == "__main__":
    asyncio.run(main())
