# /// script
# [tool.guide]
# varies = "the times; every request is always answered, far sooner than one client at a time"
# check = "property"
# retries = 2  # the check compares a time with the least a one-at-a-time server needs
# ///
"""Step 4: coroutines made of generators: each `yield` says what the handler waits for."""

import heapq
import itertools
import selectors
import socket
import threading
import time
from collections import deque

CLIENTS, REQUESTS, DELAY = 20, 5, 0.005  # each request waits 5 ms (a database, a disk, ...)


# --8<-- [start:server]
def handle(conn: socket.socket):
    unfinished = b""
    while True:
        yield "read", conn  # suspend until conn has data
        data = conn.recv(4096)
        if not data:
            break
        *lines, unfinished = (unfinished + data).split(b"\n")
        for line in lines:
            yield "sleep", DELAY  # suspend for a while: other handlers run meanwhile
            yield "write", conn
            conn.send(b"done " + line + b"\n")
    conn.close()


def accept(listener: socket.socket):
    while True:
        yield "read", listener
        conn, _ = listener.accept()
        conn.setblocking(False)
        yield "spawn", handle(conn)  # start a new coroutine beside this one


def run(first, stop: threading.Event) -> None:
    """The scheduler: resume each coroutine when what it waits for has happened."""
    ready, sleeping, order = deque([first]), [], itertools.count()
    selector = selectors.DefaultSelector()
    while not stop.is_set():
        while ready:
            task = ready.popleft()
            try:
                what, arg = next(task)
            except StopIteration:
                continue
            if what == "read":
                selector.register(arg, selectors.EVENT_READ, task)
            elif what == "write":
                selector.register(arg, selectors.EVENT_WRITE, task)
            elif what == "sleep":
                heapq.heappush(sleeping, (time.monotonic() + arg, next(order), task))
            elif what == "spawn":
                ready.extend([arg, task])
        wait = sleeping[0][0] - time.monotonic() if sleeping else 0.05
        for key, _ in selector.select(timeout=min(max(wait, 0), 0.05)):
            selector.unregister(key.fileobj)
            ready.append(key.data)
        while sleeping and sleeping[0][0] <= time.monotonic():
            ready.append(heapq.heappop(sleeping)[2])
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
        listener.setblocking(False)
        stop = threading.Event()
        server = threading.Thread(target=run, args=(accept(listener), stop))
        server.start()
        load(listener.getsockname())
        stop.set()
        server.join()
