"""UDP with asyncio: a DatagramProtocol echo server and a client on localhost."""

import asyncio


class EchoServer(asyncio.DatagramProtocol):
    def connection_made(self, transport: asyncio.DatagramTransport) -> None:
        self.transport = transport

    def datagram_received(self, data: bytes, addr: tuple) -> None:
        self.transport.sendto(data.upper(), addr)  # answer whoever sent it


class Client(asyncio.DatagramProtocol):
    def __init__(self) -> None:
        self.replies: asyncio.Queue[bytes] = asyncio.Queue()

    def datagram_received(self, data: bytes, addr: tuple) -> None:
        self.replies.put_nowait(data)  # a callback: hand the data to a coroutine


async def main() -> None:
    loop = asyncio.get_running_loop()
    server, _ = await loop.create_datagram_endpoint(EchoServer, local_addr=("127.0.0.1", 0))
    address = server.get_extra_info("sockname")
    client, protocol = await loop.create_datagram_endpoint(Client, remote_addr=address)
    for message in (b"one", b"two", b"three"):
        client.sendto(message)  # each sendto() is one datagram: no stream, no framing needed
    for _ in range(3):
        async with asyncio.timeout(1):  # a datagram can be lost: never wait without a limit
            print("reply:", await protocol.replies.get())
    big = bytes(60_000)
    client.sendto(big)
    async with asyncio.timeout(1):
        print(
            f"a 60,000-byte datagram came back whole: {len(await protocol.replies.get()):,} bytes"
        )
    client.close()
    server.close()


if __name__ == "__main__":
    asyncio.run(main())
