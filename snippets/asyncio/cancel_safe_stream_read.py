"""A timeout in the middle of a two-step read loses the header; keeping it on an object does not."""

import asyncio
import functools


def frame(body: bytes) -> bytes:
    return len(body).to_bytes(2, "big") + body  # a 2-byte length, then the body


async def read_frame(reader: asyncio.StreamReader) -> bytes:
    size = int.from_bytes(await reader.readexactly(2), "big")  # the header, in a local ...
    return await reader.readexactly(size)  # ... gone if the task is cancelled here


class FrameReader:
    """Remembers a header it has read until the body has come, across cancellations."""

    def __init__(self, reader: asyncio.StreamReader) -> None:
        self.reader, self.size = reader, None

    async def read_frame(self) -> bytes:
        if self.size is None:
            self.size = int.from_bytes(await self.reader.readexactly(2), "big")
        body = await self.reader.readexactly(self.size)  # waits with the bytes left in the buffer
        self.size = None
        return body


async def main() -> None:
    for careful in (False, True):
        reader = asyncio.StreamReader()  # fed by hand here; open_connection() makes one too
        read = FrameReader(reader).read_frame if careful else functools.partial(read_frame, reader)
        data = frame(b"hello") + frame(b"world")
        reader.feed_data(data[:4])  # the header and two bytes of the body arrive ...
        try:
            async with asyncio.timeout(0.02):
                await read()
        except TimeoutError:
            print("first read timed out")
        reader.feed_data(data[4:])  # ... the rest arrives later
        reader.feed_eof()
        try:
            print(
                f"{'FrameReader' if careful else 'read_frame '}: next frames",
                await read(),
                await read(),
            )
        except asyncio.IncompleteReadError as error:
            print(
                f"read_frame : out of step, read {error.partial!r} while waiting for {error.expected:,} bytes"
            )


if __name__ == "__main__":
    asyncio.run(main())
