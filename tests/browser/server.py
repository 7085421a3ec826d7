"""Serve the built site on 127.0.0.1, as a static host would.

With `headers=True` the server applies the site's `_headers` file (the format of Netlify and
Cloudflare Pages), so pages are cross-origin isolated by their headers; without, it sends
none (like GitHub Pages), and coi-serviceworker has to isolate the page.
"""

from __future__ import annotations

import fnmatch
import functools
import http.server
import threading
from pathlib import Path

TYPES = {
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".zip": "application/zip",
}


def read_headers_file(path: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    """The rules of a `_headers` file: [(path pattern, [(name, value), ...]), ...]."""
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), []))
        else:
            name, _, value = line.strip().partition(":")
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}  # noqa: RUF012
    rules: list[tuple[str, list[tuple[str, str]]]] = []  # noqa: RUF012

    def end_headers(self) -> None:
        path = self.path.split("?", 1)[0]
        for pattern, headers in self.rules:
            if fnmatch.fnmatchcase(path, pattern):
                for name, value in headers:
                    self.send_header(name, value)
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:
        pass

    def handle(self) -> None:
        try:
            super().handle()
        except (ConnectionResetError, BrokenPipeError):
            pass  # the browser closed a connection it no longer needed


class LocalServer:
    """A threaded HTTP server on 127.0.0.1 and a free port, for the length of a `with`."""

    def __init__(self, handler, path: str = "") -> None:
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/{path}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class SiteServer(LocalServer):
    """The static files of `site_dir`."""

    def __init__(self, site_dir: Path, *, headers: bool) -> None:
        rules = read_headers_file(site_dir / "_headers") if headers else []
        handler = type("SiteHandler", (Handler,), {"rules": rules})
        super().__init__(functools.partial(handler, directory=str(site_dir)))
