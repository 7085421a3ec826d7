# /// script
# [tool.guide]
# retries = 4  # the check compares measured times, which a briefly busy machine upsets
# varies = "the tick counts by one or two; a blocking call inside a coroutine always stops every other task"
# check = "property"
# ///
"""asyncio needs calls that wait politely: one blocking call freezes every task."""

import asyncio
import time

TICK_S = 0.05
WORK_S = 0.3


async def heartbeat(ticks: list[float]) -> None:
    while True:
        await asyncio.sleep(TICK_S)
        ticks.append(time.perf_counter())


async def blocking_call() -> None:
    time.sleep(WORK_S)  # a blocking library call: the event loop stops with it


async def offloaded_call() -> None:
    await asyncio.to_thread(time.sleep, WORK_S)  # blocks a worker thread instead


async def awaiting_call() -> None:
    await asyncio.sleep(WORK_S)  # an asyncio-aware call: suspends only this task


async def ticks_during(call) -> int:
    ticks: list[float] = []
    beating = asyncio.create_task(heartbeat(ticks))
    await asyncio.sleep(0)  # let the heartbeat start
    await call()
    beating.cancel()
    return len(ticks)


async def main() -> None:
    expected = round(WORK_S / TICK_S)
    print(f"a heartbeat every {TICK_S * 1000:g} ms; {WORK_S} s of waiting")
    print(f"at most {expected} ticks")
    for call in (blocking_call, offloaded_call, awaiting_call):
        print(f"{call.__name__:<15} heartbeats: {await ticks_during(call)}")


if __name__ == "__main__":
    asyncio.run(main())
