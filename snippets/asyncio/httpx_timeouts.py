# /// script
# dependencies = ["httpx"]
# ///
"""httpx's four timeouts: connect, read, write and pool, each raising its own exception."""

import asyncio
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def do_GET(self) -> None:
        time.sleep(0.3)  # a slow answer
        try:
            self.send_response(200)
            self.send_header("Content-Length", "4")
            self.end_headers()
            self.wfile.write(b"late")
        except OSError:  # the client gave up and closed the connection
            self.close_connection = True

    def log_message(self, *args) -> None:
        pass


async def attempt(label: str, request) -> None:
    try:
        response = await request
        print(f"{label}: {response.status_code}")
    except httpx.HTTPError as error:  # the base class of httpx's exceptions
        print(f"{label}: {type(error).__name__}")


async def main(url: str, closed_url: str) -> None:
    timeout = httpx.Timeout(5.0, read=0.1)  # 5 s for each phase, but 0.1 s for a read
    async with httpx.AsyncClient(timeout=timeout) as client:
        await attempt("read timeout 0.1 s", client.get(url))
        await attempt(
            "read timeout raised to 1 s", client.get(url, timeout=httpx.Timeout(5.0, read=1.0))
        )
        await attempt("nobody listening", client.get(closed_url))

    one = httpx.Limits(max_connections=1)
    async with httpx.AsyncClient(limits=one, timeout=httpx.Timeout(5.0, pool=0.1)) as client:
        first = asyncio.create_task(attempt("first, holds the only connection", client.get(url)))
        await asyncio.sleep(0.05)
        await attempt("second, waits 0.1 s for a connection", client.get(url))
        await first


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with socket.socket() as unused:  # a port that nothing listens on
        unused.bind(("127.0.0.1", 0))
        closed_port = unused.getsockname()[1]
        asyncio.run(
            main(
                f"http://127.0.0.1:{server.server_address[1]}/", f"http://127.0.0.1:{closed_port}/"
            )
        )
    server.shutdown()
