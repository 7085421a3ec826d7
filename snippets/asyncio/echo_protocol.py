"""The same echo server with a Protocol: the loop calls its methods as bytes arrive."""

import asyncio


class EchoProtocol(asyncio.Protocol):
    def __init__(self, closed: asyncio.Future) -> None:
        self.closed = closed

    def connection_made(self, transport: asyncio.Transport) -> None:
        self.transport = transport
        print(f"server: connection from {transport.get_extra_info('peername')[0]}")

    def data_received(self, data: bytes) -> None:  # plain callbacks: no await in here
        print(f"server: echoing {len(data)} bytes")
        self.transport.write(data.upper())  # buffered; the transport sends when it can

    def connection_lost(self, exc: Exception | None) -> None:
        print("server: connection lost, error:", exc)
        self.closed.set_result(None)


class ClientProtocol(asyncio.Protocol):
    def __init__(self, message: bytes, answered: asyncio.Future) -> None:
        self.message, self.answered, self.received = message, answered, b""

    def connection_made(self, transport: asyncio.Transport) -> None:
        self.transport = transport
        transport.write(self.message)

    def data_received(self, data: bytes) -> None:
        self.received += data  # TCP is a byte stream: replies may arrive in pieces
        if len(self.received) == len(self.message):
            self.answered.set_result(self.received)
            self.transport.close()


async def main() -> None:
    loop = asyncio.get_running_loop()
    closed, answered = loop.create_future(), loop.create_future()
    server = await loop.create_server(lambda: EchoProtocol(closed), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        await loop.create_connection(
            lambda: ClientProtocol(b"protocols!", answered), "127.0.0.1", port
        )
        print("client: got", await answered)
        await closed


if __name__ == "__main__":
    asyncio.run(main())
