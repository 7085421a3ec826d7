# /// script
# [tool.guide]
# varies = "the timings and the speed-up, by a few milliseconds"
# check = "property"
# ///
"""Ten requests to a slow local HTTP server: one after another, then from ten threads."""

import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LATENCY = 0.05  # every response takes the server 50 ms


class SlowHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        time.sleep(LATENCY)  # stands in for a database query on the server
        body = f"page {self.path.rsplit('/', 1)[-1]}".encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:  # keep the server quiet
        pass


class Server(ThreadingHTTPServer):
    request_queue_size = 32  # listen backlog (default 5): room for every client at once


opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # no proxy for 127.0.0.1


def fetch(url: str) -> str:
    with opener.open(url, timeout=2) as response:
        return response.read().decode()


def timed(fetch_all, urls: list[str]) -> tuple[list[str], float]:
    start = time.perf_counter()
    pages = fetch_all(urls)
    return pages, time.perf_counter() - start


if __name__ == "__main__":
    server = Server(("127.0.0.1", 0), SlowHandler)  # port 0: the OS picks one
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01}).start()
    host, port = server.server_address[:2]
    urls = [f"http://{host}:{port}/items/{n}" for n in range(10)]
    try:
        in_turn, sequential = timed(lambda us: [fetch(u) for u in us], urls)
        with ThreadPoolExecutor(max_workers=10) as pool:
            together, threaded = timed(lambda us: list(pool.map(fetch, us)), urls)
    finally:
        server.shutdown()  # stops serve_forever, and so its thread
        server.server_close()

    assert in_turn == together
    print(f"{len(urls)} requests, {LATENCY * 1000:.0f} ms each on the server")
    print(f"one after another: {sequential:.2f} s")
    print(f"ten threads:       {threaded:.2f} s")
    print(f"speed-up: {sequential / threaded:.1f}x")
