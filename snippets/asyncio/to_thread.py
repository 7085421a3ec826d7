# /// script
# [tool.guide]
# retries = 4  # the check compares measured times, which a briefly busy machine upsets
# varies = "the times by a few milliseconds; the three calls overlap and the heartbeat keeps beating"
# check = "property"
# ///
"""asyncio.to_thread runs blocking calls in worker threads while the loop stays responsive."""

import asyncio
import time


def read_sensor_blocking(sensor: str) -> str:
    time.sleep(0.1)  # a blocking driver call we cannot rewrite
    return f"{sensor}=ok"


async def heartbeat(gaps: list[float]) -> None:
    last = time.perf_counter()
    while True:
        await asyncio.sleep(0.01)
        now = time.perf_counter()
        gaps.append(now - last)
        last = now


async def main() -> None:
    gaps: list[float] = []
    beat = asyncio.create_task(heartbeat(gaps))
    start = time.perf_counter()
    readings = await asyncio.gather(
        *(asyncio.to_thread(read_sensor_blocking, s) for s in ("temp", "door", "light"))
    )
    elapsed = time.perf_counter() - start
    beat.cancel()
    print(readings)
    print(f"three 100 ms blocking calls took {elapsed:.2f} s together")
    print(f"longest gap between 10 ms heartbeats: {max(gaps) * 1000:.0f} ms")


if __name__ == "__main__":
    asyncio.run(main())
