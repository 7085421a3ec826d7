"""An echo server and its client as asyncio Protocols: callbacks, as in Twisted."""

import asyncio


class EchoServer(asyncio.Protocol):
    def __init__(self, closed: asyncio.Future) -> None:
        self.closed, self.buffer = closed, b""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport
        print("server: a client connected")

    def data_received(self, data: bytes) -> None:
        self.buffer += data  # data arrives in pieces of any size: keep the partial line
        while b"\n" in self.buffer:
            line, _, self.buffer = self.buffer.partition(b"\n")
            print(f"server: echoing {line.decode()!r}")
            self.transport.write(line.upper() + b"\n")

    def connection_lost(self, exc: Exception | None) -> None:
        print("server: the client hung up")
        self.closed.set_result(None)


class EchoClient(asyncio.Protocol):
    def __init__(self, lines: list[str]) -> None:
        self.lines, self.buffer = lines, b""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport
        self.send_next()

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while b"\n" in self.buffer:
            line, _, self.buffer = self.buffer.partition(b"\n")
            print(f"client: got {line.decode()!r}")
            self.send_next()

    def send_next(self) -> None:
        if self.lines:
            self.transport.write(self.lines.pop(0).encode() + b"\n")
        else:
            self.transport.close()


async def main() -> None:
    loop = asyncio.get_running_loop()
    closed = loop.create_future()
    server = await loop.create_server(lambda: EchoServer(closed), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    await loop.create_connection(lambda: EchoClient(["hello", "event", "loop"]), "127.0.0.1", port)
    await closed  # set by the server's connection_lost callback
    server.close()
    await server.wait_closed()


if __name__ == "__main__":
    asyncio.run(main())
