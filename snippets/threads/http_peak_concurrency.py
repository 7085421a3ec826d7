# /// script
# [tool.guide]
# varies = "the peak can fall short of the pool size when a thread starts late; it never exceeds it"
# check = "property"
# ///
"""The server counts requests in flight: a client pool of N threads never has more than N."""

import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class CountingHandler(BaseHTTPRequestHandler):
    in_flight = peak = 0
    lock = threading.Lock()  # handlers run in many threads: guard the shared counters

    def do_GET(self) -> None:
        cls = type(self)
        with cls.lock:
            cls.in_flight += 1
            cls.peak = max(cls.peak, cls.in_flight)
        time.sleep(0.04)
        with cls.lock:
            cls.in_flight -= 1
        self.send_response(204)  # No Content
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


class Server(ThreadingHTTPServer):
    request_queue_size = 32  # listen backlog (default 5): room for every client at once


opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def ping(url: str) -> int:
    with opener.open(url, timeout=2) as response:
        return response.status


if __name__ == "__main__":
    server = Server(("127.0.0.1", 0), CountingHandler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01}).start()
    url = "http://{}:{}/".format(*server.server_address[:2])
    try:
        for workers in (1, 4, 8):
            CountingHandler.peak = 0
            with ThreadPoolExecutor(max_workers=workers) as pool:
                statuses = set(pool.map(ping, [url] * 8))
            print(
                f"max_workers={workers}: statuses {statuses}, peak in flight {CountingHandler.peak}"
            )
    finally:
        server.shutdown()
        server.server_close()
