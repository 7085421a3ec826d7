"""A tiny event loop on `selectors`: an echo server and its client in one thread."""

import selectors
import socket

selector = selectors.DefaultSelector()
to_send = [b"hello\n", b"event\n", b"loop\n"]
finished = False


def on_accept(listener: socket.socket) -> None:
    conn, _ = listener.accept()
    conn.setblocking(False)
    print("server: a client connected")
    selector.register(conn, selectors.EVENT_READ, on_server_data)


def on_server_data(conn: socket.socket) -> None:
    data = conn.recv(1024)  # the selector said it is ready: this does not block
    if not data:  # the client closed its end
        print("server: the client hung up")
        selector.unregister(conn)
        conn.close()
        global finished
        finished = True
        return
    print(f"server: echoing {data!r}")
    conn.sendall(data.upper())  # a few bytes always fit in the send buffer


def on_client_data(client: socket.socket) -> None:
    print(f"client: got {client.recv(1024)!r}")
    send_next(client)


def send_next(client: socket.socket) -> None:
    if to_send:
        client.sendall(to_send.pop(0))
    else:
        selector.unregister(client)
        client.close()


if __name__ == "__main__":
    listener = socket.create_server(("127.0.0.1", 0))
    listener.setblocking(False)
    selector.register(listener, selectors.EVENT_READ, on_accept)

    client = socket.create_connection(listener.getsockname())  # completes in the backlog
    client.setblocking(False)
    selector.register(client, selectors.EVENT_READ, on_client_data)
    send_next(client)

    while not finished:  # the loop: wait for whatever is ready, call its callback
        for key, _ in selector.select(timeout=5):
            key.data(key.fileobj)
    listener.close()
    print("loop done")
