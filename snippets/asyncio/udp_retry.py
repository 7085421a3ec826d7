"""UDP promises nothing: a request that gets no reply is sent again after a timeout."""

import asyncio


class LossyServer(asyncio.DatagramProtocol):
    """Drops every other datagram, as a congested network might."""

    def __init__(self) -> None:
        self.seen = 0

    def connection_made(self, transport: asyncio.DatagramTransport) -> None:
        self.transport = transport

    def datagram_received(self, data: bytes, addr: tuple) -> None:
        self.seen += 1
        if self.seen % 2 == 1:
            return  # lost
        self.transport.sendto(b"ack " + data, addr)


class Client(asyncio.DatagramProtocol):
    def __init__(self) -> None:
        self.replies: asyncio.Queue[bytes] = asyncio.Queue()
        self.errors: list[OSError] = []

    def datagram_received(self, data: bytes, addr: tuple) -> None:
        self.replies.put_nowait(data)

    def error_received(self, exc: OSError) -> None:  # e.g. nobody listens at that port
        self.errors.append(exc)


async def request(transport, protocol: Client, data: bytes, tries: int = 4) -> bytes:
    for attempt in range(1, tries + 1):
        transport.sendto(data)
        try:
            async with asyncio.timeout(0.05):  # no reply in 50 ms: assume it was lost
                reply = await protocol.replies.get()
            print(f"  {data.decode()}: {reply.decode()!r} on attempt {attempt}")
            return reply
        except TimeoutError:
            print(f"  {data.decode()}: no reply on attempt {attempt}")
    raise TimeoutError(f"no reply to {data!r} after {tries} attempts")


async def main() -> None:
    loop = asyncio.get_running_loop()
    server, _ = await loop.create_datagram_endpoint(LossyServer, local_addr=("127.0.0.1", 0))
    client, protocol = await loop.create_datagram_endpoint(
        Client, remote_addr=server.get_extra_info("sockname")
    )
    for name in ("temp", "load"):
        await request(client, protocol, name.encode())
    server.close()  # now nobody listens on that port
    await asyncio.sleep(0.01)
    try:
        await request(client, protocol, b"late", tries=2)
    except TimeoutError as error:
        print("gave up:", error)
    print("errors reported to the client:", [type(error).__name__ for error in protocol.errors])
    client.close()


if __name__ == "__main__":
    asyncio.run(main())
