"""Handle each request's failure on its own: HTTP errors, a refused connection, success."""

import socket
import threading
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor, as_completed
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        status = {"/ok": 200, "/cached": 304, "/missing": 404, "/broken": 500}.get(self.path, 400)
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


class Server(ThreadingHTTPServer):
    request_queue_size = 32  # listen backlog (default 5): room for every client at once


opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def status_of(url: str) -> int:
    with opener.open(url, timeout=2) as response:
        return response.status  # 2xx only: any other status not followed as a redirect raises


def unused_port() -> int:
    with socket.socket() as probe:  # bind, note the port, close: nobody listens there now
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


if __name__ == "__main__":
    server = Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01}).start()
    base = "http://{}:{}".format(*server.server_address[:2])
    targets = {
        "ok": f"{base}/ok",
        "cached": f"{base}/cached",
        "missing": f"{base}/missing",
        "broken": f"{base}/broken",
        "nobody home": f"http://127.0.0.1:{unused_port()}/",
    }
    outcomes: dict[str, str] = {}
    try:
        with ThreadPoolExecutor() as pool:
            futures = {pool.submit(status_of, url): label for label, url in targets.items()}
            for future in as_completed(futures):
                try:
                    outcomes[futures[future]] = f"status {future.result()}"
                except urllib.error.HTTPError as error:  # a subclass of URLError: catch it first
                    outcomes[futures[future]] = f"HTTPError {error.code} {error.reason}"
                except urllib.error.URLError as error:
                    outcomes[futures[future]] = f"URLError: {error.reason.strerror}"
    finally:
        server.shutdown()
        server.server_close()
    for label in targets:
        print(f"{label:12} -> {outcomes[label]}")
