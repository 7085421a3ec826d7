"""A heartbeat task beats every 20 ms, but a long computation stops the event loop."""

import asyncio
import time

beats = 0


def crunch_chunk() -> None:
    """25 ms of CPU-bound work (one chunk of a bigger job)."""
    end = time.perf_counter() + 0.025
    while time.perf_counter() < end:
        pass


async def heartbeat() -> None:
    global beats
    while True:
        await asyncio.sleep(0.02)
        beats += 1


async def crunch() -> None:
    for _ in range(20):
        crunch_chunk()


async def main() -> None:
    beating = asyncio.create_task(heartbeat())
    await asyncio.sleep(0.1)  # a few beats first
    before = beats
    started = time.perf_counter()
    await crunch()
    print(f"crunching took {time.perf_counter() - started:.1f} s")
    print(f"heartbeats while crunching: {beats - before}")
    beating.cancel()


if __name__ == "__main__":
    asyncio.run(main())
