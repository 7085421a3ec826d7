"""An echo server and its client with asyncio streams, in one program, on 127.0.0.1."""

import asyncio


async def handle_client(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, finished: asyncio.Event
) -> None:
    host, _port = writer.get_extra_info("peername")
    print(f"server: connection from {host}")
    while line := await reader.readline():  # b"" when the client closes its side
        print(f"server: echoing {line!r}")
        writer.write(line.upper())
        await writer.drain()  # wait if the client is slow to read (flow control)
    print("server: client left")
    writer.close()
    await writer.wait_closed()
    finished.set()


async def client(port: int) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for text in ("hello", "echo me"):
        writer.write(f"{text}\n".encode())
        await writer.drain()
        print(f"client: got {await reader.readline()!r}")
    writer.close()
    await writer.wait_closed()


async def main() -> None:
    finished = asyncio.Event()
    server = await asyncio.start_server(
        lambda reader, writer: handle_client(reader, writer, finished), "127.0.0.1", 0
    )  # port 0: the OS picks a free port
    port = server.sockets[0].getsockname()[1]
    async with server:  # closes the listening socket on the way out
        await client(port)
        await finished.wait()  # until the handler has seen the client leave


if __name__ == "__main__":
    asyncio.run(main())
