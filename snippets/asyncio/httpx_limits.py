# /// script
# dependencies = ["httpx"]
# [tool.guide]
# varies = "the time taken"
# check = "property"
# ///
"""httpx.AsyncClient against a local server: nine requests at once through at most three connections."""

import asyncio
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx

lock, busy, peak, connections = threading.Lock(), 0, 0, set()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # lets the client keep connections open
    disable_nagle_algorithm = True  # send each small answer at once

    def do_GET(self) -> None:
        global busy, peak
        with lock:
            busy, peak = busy + 1, max(peak, busy + 1)
            connections.add(self.client_address)
        time.sleep(0.05)  # the work behind each request
        with lock:
            busy -= 1
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args) -> None:
        pass


async def main(url: str) -> None:
    limits = httpx.Limits(max_connections=3, max_keepalive_connections=3)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=5.0) as client:
        await client.get("/warm-up")  # the first request also pays for imports and set-up
        started = time.perf_counter()
        responses = await asyncio.gather(*(client.get(f"/item/{n}") for n in range(9)))
        took = time.perf_counter() - started
    print(
        "statuses:", sorted({response.status_code for response in responses}), "x", len(responses)
    )
    print(f"at most {peak} requests in the server at once, over {len(connections)} connections")
    print(f"9 requests of 50 ms, 3 at a time: {took:.2f} s")


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    asyncio.run(main(f"http://127.0.0.1:{server.server_address[1]}"))
    server.shutdown()
