# /// script
# [tool.guide]
# retries = 4  # the check compares measured times, which a briefly busy machine upsets
# varies = "the times and speed-ups; threads, processes and asyncio all overlap the waits, processes pay for starting"
# check = "property"
# ///
"""One I/O-bound job run in turn, in threads, in processes and with asyncio."""

import asyncio
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

REQUESTS = 10
WAIT_S = 0.2  # stands in for a slow network round trip


def request(number: int) -> int:
    time.sleep(WAIT_S)  # blocks this thread or process, releases the GIL
    return number


async def request_async(number: int) -> int:
    await asyncio.sleep(WAIT_S)  # suspends this task, the event loop runs others
    return number


def in_turn() -> list[int]:
    return [request(n) for n in range(REQUESTS)]


def in_threads() -> list[int]:
    with ThreadPoolExecutor(max_workers=REQUESTS) as pool:
        return list(pool.map(request, range(REQUESTS)))


def in_processes() -> list[int]:
    with ProcessPoolExecutor(max_workers=REQUESTS) as pool:
        return list(pool.map(request, range(REQUESTS)))


async def gather_all() -> list[int]:
    return await asyncio.gather(*(request_async(n) for n in range(REQUESTS)))


def with_asyncio() -> list[int]:
    return asyncio.run(gather_all())


if __name__ == "__main__":
    baseline = None
    for label, job in [
        ("in turn", in_turn),
        ("threads", in_threads),
        ("processes", in_processes),
        ("asyncio", with_asyncio),
    ]:
        start = time.perf_counter()
        assert job() == list(range(REQUESTS))
        elapsed = time.perf_counter() - start
        baseline = baseline or elapsed
        print(f"{label:<10} {elapsed:5.2f} s  speed-up {baseline / elapsed:4.1f}x")
