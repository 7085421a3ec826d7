# /// script
# [tool.guide]
# varies = "the drift, by a few milliseconds"
# check = "property"
# ///
"""Periodic work in asyncio: sleep until the next deadline on the loop's clock, not for a period."""

import asyncio
from statistics import linear_regression

PERIOD, TICKS = 0.025, 16


async def work() -> None:
    await asyncio.sleep(0.005)  # 5 ms of work at every tick


async def naive() -> list[float]:
    loop, ticks = asyncio.get_running_loop(), []
    while len(ticks) < TICKS:
        ticks.append(loop.time())
        await work()
        await asyncio.sleep(PERIOD)
    return ticks


async def with_deadlines() -> list[float]:
    loop, ticks = asyncio.get_running_loop(), []
    deadline = loop.time()  # the loop's clock is monotonic
    while len(ticks) < TICKS:
        ticks.append(loop.time())
        await work()
        deadline += PERIOD
        while deadline < loop.time():  # overran a whole period: skip, do not burst
            deadline += PERIOD
        await asyncio.sleep(deadline - loop.time())
    return ticks


async def main() -> None:
    async with asyncio.TaskGroup() as group:  # both schedules run side by side
        tasks = {f.__name__: group.create_task(f()) for f in (naive, with_deadlines)}
    print(f"{TICKS} ticks, one every {PERIOD * 1000:.0f} ms, each doing 5 ms of work")
    for name, task in tasks.items():
        ticks = task.result()
        late = [(t - ticks[0] - n * PERIOD) * 1000 for n, t in enumerate(ticks)]  # ms behind
        drift = linear_regression(range(TICKS), late).slope  # how fast the lateness grows
        # "z" (3.11+) prints a value that rounds to zero as 0.0, never as -0.0: a tick can
        # come a microsecond early, and a drift can be a hair below zero
        print(f"{name:<15} last tick {late[-1]:z5.1f} ms late, drift {drift:z.1f} ms per tick")


if __name__ == "__main__":
    asyncio.run(main())
