# /// script
# [tool.guide]
# retries = 4  # the check compares measured times, which a briefly busy machine upsets
# varies = "the times by a few milliseconds; the sequential run always takes the sum of the waits, the concurrent one the longest wait"
# check = "property"
# ///
"""Waiting overlaps: three simulated downloads take as long as the slowest one."""

import asyncio
import time

DOWNLOADS = {"index.html": 0.3, "style.css": 0.2, "logo.png": 0.25}


async def download(name: str, seconds: float) -> str:
    await asyncio.sleep(seconds)  # stands in for waiting on the network
    return name


async def one_after_another() -> list[str]:
    return [await download(name, s) for name, s in DOWNLOADS.items()]


async def all_at_once() -> list[str]:
    return await asyncio.gather(*(download(name, s) for name, s in DOWNLOADS.items()))


def timed(label: str, coroutine_function) -> float:
    start = time.perf_counter()
    names = asyncio.run(coroutine_function())
    elapsed = time.perf_counter() - start
    print(f"{label:<18} {elapsed:.2f} s  {names}")
    return elapsed


if __name__ == "__main__":
    sequential = timed("one after another", one_after_another)
    concurrent = timed("all at once", all_at_once)
    print(f"speed-up: {sequential / concurrent:.1f}x (the waits overlap)")
