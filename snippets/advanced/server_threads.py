# /// script
# [tool.guide]
# varies = "the times; every request is always answered, far sooner than one client at a time"
# check = "property"
# retries = 2  # the check compares a time with the least a one-at-a-time server needs
# ///
"""Step 2: a thread per connection: while one request waits, other threads serve the rest."""

import socket
import threading
import time

CLIENTS, REQUESTS, DELAY = 20, 5, 0.005  # each request waits 5 ms (a database, a disk, ...)


# --8<-- [start:server]
def handle(conn: socket.socket) -> None:
    with conn, conn.makefile("rb") as requests:
        for line in requests:
            time.sleep(DELAY)  # blocks this thread only; the GIL is released while it sleeps
            conn.sendall(b"done " + line)


def serve(listener: socket.socket, stop: threading.Event) -> None:
    handlers = []
    while not stop.is_set():
        try:
            conn, _ = listener.accept()
        except TimeoutError:
            continue
        handler = threading.Thread(target=handle, args=(conn,))  # one thread per client
        handler.start()
        handlers.append(handler)
    for handler in handlers:
        handler.join()


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
    with socket.create_server(("127.0.0.1", 0), backlog=CLIENTS) as listener:
        listener.settimeout(0.05)
        stop = threading.Event()
        server = threading.Thread(target=serve, args=(listener, stop))
        server.start()
        load(listener.getsockname())
        stop.set()
        server.join()
