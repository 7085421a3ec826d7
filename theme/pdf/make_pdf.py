"""Print the site's combined print page (mkdocs-print-site-plugin) to one PDF, offline.

    python theme/pdf/make_pdf.py SITE_DIR [--output FILE]

SITE_DIR is a site built with GUIDE_PDF=true (so it holds print_page/index.html). The page is
served from SITE_DIR on 127.0.0.1 and printed by Debian's Chromium through Playwright; every
request that leaves that server is refused, and the print fails if a page asked for one.
Before printing, theme/pdf/prepare.js opens collapsed blocks and nests the headings so that
the PDF outline reads section > page > heading. The PDF goes to SITE_DIR/concurrent-python.pdf
unless --output says otherwise.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import sys
import threading
import time
from pathlib import Path

import pikepdf
from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
PDF_NAME = "concurrent-python.pdf"
PRINT_PAGE = "print_page/index.html"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# The in-browser runner has no use on paper: its scripts are not loaded, so the examples print
# exactly as the static page has them (code, then recorded output). The print CSS hides its
# controls anyway, for readers who print a page from the browser.
# (coi-serviceworker.js would register a service worker and reload the page.)
NOT_FOR_PRINT = ("assets/runner/", "assets/vendor/pyodide/", "coi-serviceworker.js")
TIMEOUT_MS = 120_000


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


def _serve(directory: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def chromium_path() -> str:
    path = shutil.which("chromium")
    if path is None:
        sys.exit("chromium not found: apt-get install -y chromium (never `playwright install`)")
    return path


def make_pdf(site_dir: Path, output: Path) -> dict:
    """Print SITE_DIR's print page to OUTPUT; return timings and counts."""
    if not (site_dir / PRINT_PAGE).exists():
        sys.exit(
            f"{site_dir / PRINT_PAGE} is missing: build the site with GUIDE_PDF=true "
            "(nox -s pdf does both steps)"
        )
    server = _serve(site_dir)
    origin = f"http://127.0.0.1:{server.server_address[1]}/"
    refused: list[str] = []
    errors: list[str] = []
    missing: list[str] = []
    started = time.perf_counter()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium_path(), args=CHROMIUM_ARGS
            )
            context = browser.new_context(color_scheme="light", service_workers="block")
            page = context.new_page()

            def route(request_route):
                url = request_route.request.url
                if url.startswith(origin):
                    if any(part in url for part in NOT_FOR_PRINT):
                        request_route.abort()
                    else:
                        request_route.continue_()
                elif url.startswith(("data:", "blob:")):
                    request_route.continue_()
                else:
                    refused.append(url)
                    request_route.abort()

            page.route("**/*", route)
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.on(
                "console",
                lambda message: message.type == "error"
                and not message.text.startswith("Failed to load resource")
                and errors.append(message.text),
            )
            page.on(
                "requestfailed",
                lambda request: request.url.startswith(origin)
                and not any(part in request.url for part in NOT_FOR_PRINT)
                and missing.append(request.url.removeprefix(origin)),
            )
            page.goto(origin + PRINT_PAGE, wait_until="load", timeout=TIMEOUT_MS)
            loaded = time.perf_counter()
            page.evaluate((HERE / "prepare.js").read_text(encoding="utf-8"))
            page.wait_for_function("window.guidePdfReady === true", timeout=TIMEOUT_MS)
            report = page.evaluate("window.guidePdfReport")
            prepared = time.perf_counter()
            output.parent.mkdir(parents=True, exist_ok=True)
            raw = output.with_name(output.name + ".tmp")
            # Paper size, margins and page numbers come from the print CSS (@page).
            page.pdf(
                path=raw,
                prefer_css_page_size=True,
                print_background=True,
                outline=True,
                tagged=True,
            )
            printed = time.perf_counter()
            browser.close()
    finally:
        server.shutdown()
    _compact(raw, output, report.get("metadata", {}))
    raw.unlink()
    compacted = time.perf_counter()
    if refused:
        sys.exit("the print page asked for files from outside the site:\n  " + "\n  ".join(refused))
    problems = report.get("problems", []) + [f"missing file of the site: {m}" for m in missing]
    if problems:
        sys.exit(
            "the print page is not ready to print:\n  "
            + "\n  ".join(problems + [f"(script error: {e})" for e in errors])
        )
    return {
        "load_s": loaded - started,
        "prepare_s": prepared - loaded,
        "print_s": printed - prepared,
        "compact_s": compacted - printed,
        "page_errors": errors,
        **report,
    }


def _compact(source: Path, target: Path, metadata: dict[str, str]) -> None:
    """Chromium writes the tagged structure (what gives the outline and accessibility) as
    thousands of small uncompressed objects: pack them into object streams (about a third
    of the size), and add the author and subject to the document information."""
    with pikepdf.open(source) as pdf:
        for key, value in metadata.items():
            if value:
                pdf.docinfo[f"/{key}"] = value
        pdf.save(
            target,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
            compress_streams=True,
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("--output", type=Path, help=f"default: SITE_DIR/{PDF_NAME}")
    args = parser.parse_args(argv)
    output = args.output or args.site_dir / PDF_NAME
    result = make_pdf(args.site_dir, output)
    for error in result["page_errors"]:
        print(f"warning: a script on the print page failed: {error}", file=sys.stderr)
    size_mb = output.stat().st_size / 1e6
    print(
        f"{output}: {size_mb:.1f} MB; loaded in {result['load_s']:.1f} s, prepared in "
        f"{result['prepare_s']:.1f} s, printed in {result['print_s']:.1f} s "
        f"({result['diagrams']} diagrams, {result['images']} images)"
    )


if __name__ == "__main__":
    main()
