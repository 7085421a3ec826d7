# /// script
# dependencies = ["anyio"]
# ///
"""AnyIO memory object streams: closing the send side ends the receivers' async for."""

import anyio
from anyio.abc import ObjectReceiveStream, ObjectSendStream


async def producer(send: ObjectSendStream[int]) -> None:
    async with send:  # closing it tells the receivers that nothing more will come
        for job in range(1, 7):
            await send.send(job)  # waits while the buffer is full
    print("producer: done, stream closed")


async def consumer(name: str, receive: ObjectReceiveStream[int], totals: dict[str, int]) -> None:
    async with receive:
        async for job in receive:  # ends when every send stream is closed
            await anyio.sleep(0.01)
            totals[name] = totals.get(name, 0) + job
    print(f"{name}: stream ended")


async def main() -> None:
    send, receive = anyio.create_memory_object_stream[int](max_buffer_size=2)
    totals: dict[str, int] = {}
    async with anyio.create_task_group() as group:
        group.start_soon(producer, send)
        group.start_soon(consumer, "a", receive.clone(), totals)  # clones share the stream
        group.start_soon(consumer, "b", receive, totals)
    print("every job consumed once: 1 + ... + 6 =", sum(totals.values()))


if __name__ == "__main__":
    anyio.run(main)
