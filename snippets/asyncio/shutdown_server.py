# /// script
# requires-python = ">=3.13"
# ///
"""Python 3.13: on SIGTERM, stop accepting, give connections a grace period, then close them."""

import asyncio
import os
import signal

GRACE = 0.5  # seconds


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    name = (await reader.readline()).decode().strip()
    if name == "busy":  # a request that is being answered when the signal comes
        await asyncio.sleep(0.2)
        writer.write(b"answer\n")
    elif name == "stalled":  # a client that stopped reading a big answer
        writer.write(b"x" * 16_000_000)
    await writer.drain()
    await reader.read()  # then wait for the client to hang up


async def client(port: int, name: str) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"{name}\n".encode())
    if name == "stalled":
        await asyncio.sleep(10)  # never reads; cancelled at the end
    line = await reader.readline()
    print(f"{name} client got {line!r}")
    writer.close()


async def main() -> None:
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    clients = [asyncio.create_task(client(port, n)) for n in ("busy", "idle", "stalled")]
    loop.call_later(0.1, os.kill, os.getpid(), signal.SIGTERM)

    await stop.wait()
    server.close()  # 1. stop accepting; the open connections carry on
    print("SIGTERM: no longer accepting connections")
    try:
        await asyncio.wait_for(server.wait_closed(), GRACE)  # 2. a grace period
    except TimeoutError:
        print(f"after {GRACE} s some connections are still open: close_clients()")
        server.close_clients()  # 3. close them, flushing what is buffered
    try:
        await asyncio.wait_for(server.wait_closed(), GRACE)
    except TimeoutError:
        print("a connection cannot flush: abort_clients()")
        server.abort_clients()  # 4. drop them, buffered data and all
        await server.wait_closed()
    print("server closed")
    for task in clients:
        task.cancel()
    await asyncio.gather(*clients, return_exceptions=True)


if __name__ == "__main__":
    asyncio.run(main())
