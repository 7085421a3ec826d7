"""multiprocessing.connection: a server on localhost, a client with the key, and one without."""

import multiprocessing
import multiprocessing.connection as connection
import threading

KEY = b"a shared secret"  # both sides prove they know it (HMAC); it is never sent


def serve(listener: connection.Listener, log: list[str]) -> None:
    for _ in range(2):  # two clients, then stop
        try:
            with listener.accept() as conn:  # the authentication happens inside accept()
                while (request := conn.recv()) != "bye":
                    conn.send(request**2)
            log.append("served a client until it said bye")
        except connection.AuthenticationError:
            log.append("refused a client that did not know the key")


def client(address, key: bytes) -> None:
    try:
        with connection.Client(address, authkey=key) as conn:
            for n in (3, 4, 5):
                conn.send(n)  # pickled, like Pipe
                print(f"client: {n} squared is {conn.recv()}")
            conn.send("bye")
    except connection.AuthenticationError:
        print("client: AuthenticationError, the server did not accept its key")


if __name__ == "__main__":
    with connection.Listener(("127.0.0.1", 0), authkey=KEY) as listener:  # 0: any free port
        print(f"listening on a port of 127.0.0.1: {listener.address[1] > 0}")
        log = []
        server = threading.Thread(target=serve, args=(listener, log))
        server.start()
        for key in (KEY, b"a wrong guess"):  # processes that get the address, not a connection
            child = multiprocessing.Process(target=client, args=(listener.address, key))
            child.start()
            child.join()
        server.join()
    print("server:", "; ".join(log))
