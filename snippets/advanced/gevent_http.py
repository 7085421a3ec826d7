# /// script
# dependencies = ["gevent"]
# [tool.guide]
# varies = "the time taken and how many requests overlapped"
# check = "property"
# ///
"""The standard library's HTTP server and urllib, unchanged, serve 200 clients at once under gevent."""

from gevent import monkey

monkey.patch_all()  # first: the server and the clients below use the patched socket

import threading  # noqa: E402
import time  # noqa: E402
import urllib.request  # noqa: E402
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer  # noqa: E402

from gevent.pool import Pool  # noqa: E402

CLIENTS = 200
inside, peak, native_ids = 0, 0, set()


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        global inside, peak
        inside += 1  # no lock needed: a greenlet only switches where it waits
        peak = max(peak, inside)
        native_ids.add(threading.get_native_id())
        time.sleep(0.2)  # the work behind each request, e.g. a call to a database
        inside -= 1
        body = self.path.encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


class Server(ThreadingHTTPServer):
    request_queue_size = CLIENTS  # room for every connection in the listen backlog


def get(url: str) -> bytes:
    native_ids.add(threading.get_native_id())
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


if __name__ == "__main__":
    server = Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()  # a greenlet now
    base = f"http://127.0.0.1:{server.server_address[1]}"
    started = time.perf_counter()
    bodies = Pool(CLIENTS).map(get, [f"{base}/item/{n}" for n in range(CLIENTS)])
    took = time.perf_counter() - started
    server.shutdown()
    assert bodies == [f"/item/{n}".encode() for n in range(CLIENTS)]
    print(f"{len(bodies)} requests answered, each after 0.2 s of work")
    print(f"all of them took {took:.2f} s ({CLIENTS} x 0.2 s one at a time: {CLIENTS * 0.2:.0f} s)")
    print(f"at most {peak} requests were inside the server at once")
    print("operating-system threads used by server and clients:", len(native_ids))
