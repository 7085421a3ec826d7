# /// script
# [tool.guide]
# varies = "the times; every request is always answered, far sooner than one client at a time"
# check = "property"
# retries = 2  # the check compares a time with the least a one-at-a-time server needs
# ///
"""Step 3: a reactor on `selectors`: one thread, non-blocking sockets, timers in a heap."""

import heapq
import itertools
import selectors
import socket
import threading
import time

CLIENTS, REQUESTS, DELAY = 20, 5, 0.005  # each request waits 5 ms (a database, a disk, ...)


# --8<-- [start:server]
def serve(listener: socket.socket, stop: threading.Event) -> None:
    listener.setblocking(False)
    selector = selectors.DefaultSelector()
    selector.register(listener, selectors.EVENT_READ)
    unfinished: dict[socket.socket, bytes] = {}  # bytes received that do not end a line yet
    timers: list = []  # (when, tie-breaker, connection, reply): a heap, soonest first
    order = itertools.count()
    while not stop.is_set():
        wait = timers[0][0] - time.monotonic() if timers else 0.05
        for key, _ in selector.select(timeout=min(max(wait, 0), 0.05)):
            if key.fileobj is listener:  # a new client
                conn, _ = listener.accept()
                conn.setblocking(False)
                selector.register(conn, selectors.EVENT_READ)
                unfinished[conn] = b""
                continue
            conn = key.fileobj
            data = conn.recv(4096)  # ready: this cannot block
            if not data:  # the client closed its end
                selector.unregister(conn)
                del unfinished[conn]
                conn.close()
                continue
            *lines, unfinished[conn] = (unfinished[conn] + data).split(b"\n")
            for line in lines:  # instead of sleeping, ask to be called back in DELAY seconds
                reply = b"done " + line + b"\n"
                heapq.heappush(timers, (time.monotonic() + DELAY, next(order), conn, reply))
        while timers and timers[0][0] <= time.monotonic():
            _, _, conn, reply = heapq.heappop(timers)
            conn.send(
                reply
            )  # a few bytes always fit the socket buffer (else: wait for EVENT_WRITE)
    selector.close()


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
        stop = threading.Event()
        server = threading.Thread(target=serve, args=(listener, stop))
        server.start()
        load(listener.getsockname())
        stop.set()
        server.join()
