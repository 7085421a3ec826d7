"""timeout_at takes an absolute deadline: several steps share one time budget."""

import asyncio

STEPS = {"resolve name": 0.02, "connect": 0.03, "handshake": 0.05, "send request": 0.02}


async def main() -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 0.08  # the whole request gets 80 ms, however it is spent
    done = []
    try:
        async with asyncio.timeout_at(deadline):
            for step, seconds in STEPS.items():
                await asyncio.sleep(seconds)
                done.append(step)
                print(f"{step}: done")
    except TimeoutError:
        print(f"out of time after {len(done)} of {len(STEPS)} steps; no step had its own timeout")


if __name__ == "__main__":
    asyncio.run(main())
