# /// script
# [tool.guide]
# varies = "the times; every request is always answered, far sooner than one client at a time"
# check = "property"
# retries = 2  # the check compares a time with the least a one-at-a-time server needs
# ///
"""Step 5: asyncio: the event loop is the scheduler, `await` is the `yield`."""

import asyncio
import socket
import threading
import time

CLIENTS, REQUESTS, DELAY = 20, 5, 0.005  # each request waits 5 ms (a database, a disk, ...)


# --8<-- [start:server]
async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    while line := await reader.readline():
        await asyncio.sleep(DELAY)
        writer.write(b"done " + line)
        await writer.drain()  # wait if the client reads more slowly than we write
    writer.close()
    await writer.wait_closed()


async def main() -> None:
    server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=CLIENTS)
    async with server:  # closes the server on the way out
        address = server.sockets[0].getsockname()
        await asyncio.to_thread(load, address)  # the same blocking load client, off the loop


# --8<-- [end:server]


# --8<-- [start:client]
def load(address: tuple[str, int]) -> None:
    """CLIENTS threads, each with its own connection, send REQUESTS requests in turn."""
    latencies: list[float] = []

    def client(n: int) -> None:
        with socket.create_connection(address) as sock, sock.makefile("rb") as replies:
            for i in range(REQUESTS):
                sent = time.perf_counter()
                sock.sendall(f"{n}.{i}\n".encode())
                if replies.readline() == f"done {n}.{i}\n".encode():
                    latencies.append(time.perf_counter() - sent)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    latencies.sort()
    ms = [round(latencies[int(len(latencies) * q)] * 1000, 1) for q in (0.5, 0.9)]
    print(f"answered {len(latencies)} of {CLIENTS * REQUESTS} requests in {elapsed:.3f} s")
    print(f"throughput {len(latencies) / elapsed:,.0f} requests/s")
    print(
        f"latency median {ms[0]} ms, 90th percentile {ms[1]} ms, worst {latencies[-1] * 1000:.1f} ms"
    )


# --8<-- [end:client]


if __name__ == "__main__":
    asyncio.run(main())
