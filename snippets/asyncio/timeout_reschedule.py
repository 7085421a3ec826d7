"""A timeout can move: push the deadline back each time a download makes progress."""

import asyncio

CHUNK_GAPS = [0.02, 0.03, 0.02, 0.03, 0.2]  # seconds before each chunk arrives; the last stalls


async def receive_chunks():
    for number, gap in enumerate(CHUNK_GAPS, start=1):
        await asyncio.sleep(gap)
        yield number


async def main() -> None:
    loop = asyncio.get_running_loop()
    received = 0
    try:
        async with asyncio.timeout(0.05) as scope:  # at most 50 ms of silence
            async for chunk in receive_chunks():
                received = chunk
                print(f"chunk {chunk} arrived; deadline moved 50 ms ahead")
                scope.reschedule(loop.time() + 0.05)
    except TimeoutError:
        print(f"stalled after chunk {received}: no data for 50 ms")


if __name__ == "__main__":
    asyncio.run(main())
