"""axe-core (node_modules/axe-core, pinned in package-lock.json) run in a page of the site:
its serious and critical violations, one line each."""

from __future__ import annotations

import http.server

from guide import paths

from .server import LocalServer

AXE = paths.ROOT / "node_modules" / "axe-core" / "axe.min.js"
LIMIT = 5  # targets named per violation
IMPACTS = ("serious", "critical")
RUN = "() => axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)"


def axe_source() -> str:
    assert AXE.exists(), "node_modules/axe-core is missing: run `npm ci`"
    return AXE.read_text(encoding="utf-8")


class AxeServer(LocalServer):
    """axe-core served on 127.0.0.1 (a port of its own) for pages to load by URL: the
    browser then caches the script and its compiled code, where a script injected as text
    is compiled again on every page. Cross-origin isolated pages may load it (CORP)."""

    def __init__(self) -> None:
        body = axe_source().encode()

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/javascript")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "max-age=3600")
                self.send_header("Cross-Origin-Resource-Policy", "cross-origin")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args) -> None:
                pass

        super().__init__(Handler, path="axe.min.js")


def add_axe(page, url: str | None = None) -> None:
    """Put axe-core into the page, once: from `url` (an AxeServer's) or as text."""
    if page.evaluate("() => typeof window.axe === 'object'"):
        return
    if url:
        page.add_script_tag(url=url)
    else:
        page.add_script_tag(content=axe_source())


def describe(violations: list[dict], where: str = "") -> list[str]:
    """One line per serious or critical violation: rule, impact, help, the first targets."""
    prefix = f"{where}: " if where else ""
    return [
        f"{prefix}{v['id']} ({v['impact']}): {v['help']} — "
        + ", ".join(" ".join(map(str, n["target"])) for n in v["nodes"][:LIMIT])
        + (f" (+{len(v['nodes']) - LIMIT} more)" if len(v["nodes"]) > LIMIT else "")
        for v in violations
        if v["impact"] in IMPACTS
    ]


def serious_violations(page, where: str = "") -> list[str]:
    """Run axe-core on the whole document (adding it first)."""
    add_axe(page)
    return describe(page.evaluate(RUN), where)
