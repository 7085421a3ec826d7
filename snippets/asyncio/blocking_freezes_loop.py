# /// script
# [tool.guide]
# varies = "the gaps by a few milliseconds; a blocking call always stops the heartbeat for its whole length"
# check = "property"
# ///
"""A blocking call inside a coroutine freezes the whole loop: a 10 ms heartbeat stops beating."""

import asyncio
import time


async def heartbeat(gaps: list[float]) -> None:
    last = time.perf_counter()
    while True:
        await asyncio.sleep(0.01)
        now = time.perf_counter()
        gaps.append(now - last)
        last = now


async def handle_request(blocking: bool) -> None:
    if blocking:
        time.sleep(0.2)  # like requests.get(), a slow disk read or a long computation
    else:
        await asyncio.sleep(0.2)  # suspends this coroutine only


async def measure(blocking: bool) -> None:
    gaps: list[float] = []
    beat = asyncio.create_task(heartbeat(gaps))
    await asyncio.sleep(0.03)
    await handle_request(blocking)
    await asyncio.sleep(0.03)  # let the heartbeat notice the gap
    beat.cancel()
    label = "time.sleep(0.2)" if blocking else "await asyncio.sleep(0.2)"
    print(f"{label:<25} longest gap between beats: {max(gaps) * 1000:3.0f} ms")


async def main() -> None:
    await measure(blocking=False)
    await measure(blocking=True)


if __name__ == "__main__":
    asyncio.run(main())
