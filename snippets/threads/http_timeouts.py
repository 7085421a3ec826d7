"""Two kinds of timeout: the socket's (urlopen timeout=) and the caller's (result(timeout=))."""

import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        time.sleep(0.3 if self.path == "/slow" else 0.01)
        try:
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting and closed the connection

    def log_message(self, *args) -> None:
        pass


class Server(ThreadingHTTPServer):
    request_queue_size = 32  # listen backlog (default 5): room for every client at once


opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def fetch(url: str, timeout: float) -> str:
    with opener.open(url, timeout=timeout) as response:  # limits each wait on the socket
        return response.read().decode()


if __name__ == "__main__":
    server = Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01}).start()
    base = "http://{}:{}".format(*server.server_address[:2])
    try:
        print("/fast with timeout=0.1:", fetch(f"{base}/fast", 0.1))
        try:
            fetch(f"{base}/slow", 0.05)
        except TimeoutError as error:  # the socket gave up: the request is over
            print("/slow with timeout=0.05: TimeoutError:", error)

        with ThreadPoolExecutor() as pool:
            future = pool.submit(fetch, f"{base}/slow", 1.0)
            try:
                future.result(timeout=0.05)  # the caller stops waiting...
            except TimeoutError:
                print("result(timeout=0.05): TimeoutError; still running:", future.running())
            print("...but the request went on and answered:", future.result())
    finally:
        server.shutdown()
        server.server_close()
