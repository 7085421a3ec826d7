# /// script
# dependencies = ["httpx"]
# ///
"""Retries with httpx: the transport retries failed connects only; answers like 503 are yours to retry."""

import asyncio
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import httpx

answers = iter([503, 503, 200])  # the server is overloaded twice, then answers


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(next(answers))
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


async def get_with_retries(
    client: httpx.AsyncClient, url: str, attempts: int = 4, **options
) -> httpx.Response:
    for attempt in range(1, attempts + 1):
        try:
            response = await client.get(url, **options)
            print(f"  attempt {attempt}: {response.status_code}")
            if response.status_code not in (502, 503, 504):  # worth another try
                return response
        except (httpx.ConnectError, httpx.ReadTimeout) as error:
            print(f"  attempt {attempt}: {type(error).__name__}")
        await asyncio.sleep(0.01 * 2**attempt)  # back off: 20, 40, 80 ms
    raise RuntimeError(f"gave up after {attempts} attempts")


async def main(server: HTTPServer) -> None:
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    async with httpx.AsyncClient(timeout=1.0) as client:  # no transport retries
        try:
            await client.get(url)
        except httpx.ConnectError:
            print("no retries, nobody listening yet: ConnectError")

    retries = 0

    async def trace(event: str, info: dict) -> None:  # httpx reports what its transport does
        nonlocal retries
        if event == "connection.connect_tcp.failed":
            print("    transport: connect refused")
        elif event == "connection.retry.started":
            retries += 1
            if retries == 2:  # the server comes up during the transport's second backoff
                server.server_activate()
                threading.Thread(target=server.serve_forever, daemon=True).start()

    transport = httpx.AsyncHTTPTransport(retries=2)  # connect again after 0 s, then 0.5 s
    async with httpx.AsyncClient(transport=transport, timeout=1.0) as client:
        print("transport retries=2, own loop for 5xx:")
        response = await get_with_retries(client, url, extensions={"trace": trace})
        print("  final status:", response.status_code)


if __name__ == "__main__":
    server = HTTPServer(("127.0.0.1", 0), Handler, bind_and_activate=False)
    server.server_bind()  # the port is ours, but connects are refused until listen()
    asyncio.run(main(server))
    server.shutdown()
    server.server_close()
