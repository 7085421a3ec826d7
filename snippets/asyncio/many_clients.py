# /// script
# [tool.guide]
# varies = "the time taken; it stays near one 50 ms request, far below 50 of them in turn"
# check = "property"
# ///
"""One thread serves 50 clients at once: while a handler awaits, the loop serves the others."""

import asyncio
import time


class Server:
    def __init__(self) -> None:
        self.active = self.peak = 0

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.active += 1
        self.peak = max(self.peak, self.active)
        number = int(await reader.readline())
        await asyncio.sleep(0.05)  # a slow backend call
        writer.write(f"{number * number}\n".encode())
        await writer.drain()
        writer.close()
        self.active -= 1


async def ask(port: int, number: int) -> int:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"{number}\n".encode())
    answer = int(await reader.readline())
    writer.close()
    await writer.wait_closed()
    return answer


async def main() -> None:
    state = Server()
    server = await asyncio.start_server(state.handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        start = time.perf_counter()
        answers = await asyncio.gather(*(ask(port, n) for n in range(50)))
        elapsed = time.perf_counter() - start
    print("all answers right:", answers == [n * n for n in range(50)])
    print(f"handlers running at the same time, at most: {state.peak}")
    print(f"50 requests of 50 ms each took {elapsed:.2f} s (in turn: 2.50 s)")


if __name__ == "__main__":
    asyncio.run(main())
