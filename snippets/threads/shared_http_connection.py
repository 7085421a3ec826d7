"""One http.client connection shared by two threads fails; one connection per thread works."""

import http.client
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

reached = threading.Event()  # the request for /slow has reached the server
may_answer = threading.Event()  # holds back the answer to /slow
connections = set()  # (host, port) of every client connection the server saw


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep connections open between requests

    def do_GET(self) -> None:
        connections.add(self.client_address)
        if self.path == "/slow":
            reached.set()
            may_answer.wait()
        body = self.path.encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:  # keep the output quiet
        pass


def fetch(connection: http.client.HTTPConnection, path: str) -> bytes:
    connection.request("GET", path)
    return connection.getresponse().read()


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address

    shared = http.client.HTTPConnection(host, port)
    worker = threading.Thread(target=lambda: print("worker got", fetch(shared, "/slow")))
    worker.start()
    reached.wait()  # the worker has sent its request and waits for the answer
    try:
        fetch(shared, "/fast")  # the connection is still waiting for the worker's answer
    except http.client.HTTPException as error:
        print("main thread:", type(error).__name__, repr(str(error)))
    may_answer.set()
    worker.join()
    shared.close()

    connections.clear()
    local = threading.local()  # each thread sees its own attributes

    def user(number: int) -> None:
        if not hasattr(local, "connection"):
            local.connection = http.client.HTTPConnection(host, port)
        for request in range(3):
            fetch(local.connection, f"/user-{number}/{request}")
        local.connection.close()

    users = [threading.Thread(target=user, args=(n,)) for n in range(4)]
    for thread in users:
        thread.start()
    for thread in users:
        thread.join()
    print(f"one connection per thread: 12 requests over {len(connections)} connections")
    server.shutdown()
