"""Print the site's combined print page (mkdocs-print-site-plugin) to one PDF, offline.

    python pdf/make_pdf.py SITE_DIR [--output FILE]

SITE_DIR is a site built with GUIDE_PDF=true, so it holds print_page/index.html. The page is
served from SITE_DIR on 127.0.0.1 and printed by Debian's Chromium through Playwright. Every
request for another host is refused, and the print fails if the page asked for one, or if a
diagram, an image or a file of the site did not load.

Steps: pdf/prepare.js readies the page (waits for the diagrams, opens collapsed blocks,
nests the headings so that the PDF outline reads section > page > heading), then, with the
page laid out for print at the width of a page's text, scales down any figure taller than a
page and marks which code blocks fit on a page (kept whole) and which do not; a first, quick
print tells on which page each part starts, and the contents get those page numbers; the
second print is the PDF (tagged, with the outline), which pikepdf then packs.
The PDF goes to SITE_DIR/concurrent-python.pdf unless --output says otherwise.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import io
import sys
import threading
import time
from pathlib import Path

import pikepdf
import pypdf
from playwright.sync_api import sync_playwright

from guide import chromium
from guide.paths import PDF_NAME

HERE = Path(__file__).resolve().parent
PRINT_PAGE = "print_page/index.html"
# The in-browser runner has no use on paper: its scripts are not loaded, so the examples print
# exactly as the static page has them (code, then recorded output). The print CSS hides its
# controls anyway, for readers who print a page from the browser. (coi-serviceworker.js would
# register a service worker and reload the page.)
NOT_FOR_PRINT = ("assets/runner/", "assets/vendor/pyodide/", "coi-serviceworker.js")
# About the width of an A4 page's text: diagrams are laid out at the size they print at.
VIEWPORT = {"width": 760, "height": 1100}
TIMEOUT_MS = 180_000
# A page's text area in CSS pixels: A4 less the margins of @page (theme/main.html). Before
# printing, the page is laid out at that width for print, to fit what must not break.
CSS_PX_PER_MM = 96 / 25.4
PAPER = {"width": round(178 * CSS_PX_PER_MM), "height": round(263 * CSS_PX_PER_MM)}
# Paper size, margins and page numbers come from the print CSS (@page, in theme/main.html).
PDF_OPTIONS = {"prefer_css_page_size": True, "print_background": True}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def _serve(directory: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def anchor_pages(pdf: bytes) -> dict[str, int]:
    """Chromium names a destination after each element id that a link points to: which
    page (1-based) each of those ids is on."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return {
        name.removeprefix("/"): reader.get_destination_page_number(destination) + 1
        for name, destination in reader.named_destinations.items()
    }


class Printer:
    """The print page open in Chromium, every request watched."""

    def __init__(self, page, origin: str) -> None:
        self.page = page
        self.origin = origin
        self.refused: list[str] = []  # requests for other hosts
        self.missing: list[str] = []  # files of the site that did not load
        self.errors: list[str] = []  # script errors (reported, not fatal)
        page.route("**/*", self._route)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", self._console)
        page.on("requestfailed", self._failed)

    def _deliberate(self, url: str) -> bool:
        return url.startswith(self.origin) and any(part in url for part in NOT_FOR_PRINT)

    def _route(self, route) -> None:
        url = route.request.url
        if self._deliberate(url):
            route.abort()
        elif url.startswith(self.origin) or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.refused.append(url)
            route.abort()

    def _console(self, message) -> None:
        # Failed loads are reported by _failed, with their address.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.errors.append(message.text)

    def _failed(self, request) -> None:
        if request.url.startswith(self.origin) and not self._deliberate(request.url):
            self.missing.append(request.url.removeprefix(self.origin))


def make_pdf(site_dir: Path, output: Path) -> dict:
    """Print SITE_DIR's print page to OUTPUT; return timings and counts."""
    if not (site_dir / PRINT_PAGE).exists():
        sys.exit(
            f"{site_dir / PRINT_PAGE} is missing: build the site with GUIDE_PDF=true "
            "(nox -s pdf does both steps)"
        )
    server = _serve(site_dir)
    origin = f"http://127.0.0.1:{server.server_address[1]}/"
    times = {}
    started = time.perf_counter()
    try:
        with sync_playwright() as playwright:
            try:
                options = chromium.launch_options()
            except chromium.ChromiumMissing as missing:
                sys.exit(str(missing))
            browser = playwright.chromium.launch(**options)
            context = browser.new_context(
                color_scheme="light", service_workers="block", viewport=VIEWPORT
            )
            printer = Printer(context.new_page(), origin)
            page = printer.page
            page.goto(origin + PRINT_PAGE, wait_until="load", timeout=TIMEOUT_MS)
            times["load_s"] = time.perf_counter() - started
            page.evaluate((HERE / "prepare.js").read_text(encoding="utf-8"))
            page.wait_for_function("window.guidePdfReady === true", timeout=TIMEOUT_MS)
            report = page.evaluate("window.guidePdfReport")
            _check(printer, report)
            page.emulate_media(media="print")
            page.set_viewport_size(PAPER)
            report["fit"] = page.evaluate("(h) => window.guidePdfFitToPages(h)", PAPER["height"])
            times["prepare_s"] = time.perf_counter() - started - times["load_s"]

            # The contents get page numbers from a first print; numbering cannot move what
            # follows (each number stays on its entry's line), which the next print checks.
            mark = time.perf_counter()
            pages = anchor_pages(page.pdf(**PDF_OPTIONS))
            for _ in range(3):
                numbered = page.evaluate("(pages) => window.guidePdfNumberToc(pages)", pages)
                final = page.pdf(**PDF_OPTIONS, outline=True, tagged=True)
                pages = anchor_pages(final)
                if all(pages.get(anchor) == number for anchor, number in numbered.items()):
                    break
            else:
                sys.exit("the contents' page numbers keep moving from one print to the next")
            times["print_s"] = time.perf_counter() - mark
            browser.close()
    finally:
        server.shutdown()

    mark = time.perf_counter()
    output.parent.mkdir(parents=True, exist_ok=True)
    _compact(final, output, report.get("metadata", {}))
    times["compact_s"] = time.perf_counter() - mark
    times["total_s"] = time.perf_counter() - started
    return {**times, "page_errors": printer.errors, "toc_entries": len(numbered), **report}


def _check(printer: Printer, report: dict) -> None:
    if printer.refused:
        sys.exit(
            "the print page asked for files from other hosts:\n  " + "\n  ".join(printer.refused)
        )
    problems = report.get("problems", []) + [
        f"missing file of the site: {m}" for m in printer.missing
    ]
    if problems:
        sys.exit(
            "the print page is not ready to print:\n  "
            + "\n  ".join(problems + [f"(script error: {e})" for e in printer.errors])
        )


def _compact(pdf: bytes, target: Path, metadata: dict[str, str]) -> None:
    """Chromium writes the tagged structure (what gives the outline and accessibility) as
    thousands of small uncompressed objects: pack them into object streams (about a third
    of the size), and add the author and subject to the document information."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        for key, value in metadata.items():
            if value:
                document.docinfo[f"/{key}"] = value
        document.save(
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
    pages = len(pypdf.PdfReader(output).pages)
    print(
        f"{output}: {pages} pages, {output.stat().st_size / 1e6:.1f} MB, "
        f"{result['diagrams']} diagrams, {result['images']} images, "
        f"{len(result['fit']['scaled'])} figures scaled to fit a page, "
        f"{result['fit']['long']} code blocks taller than a page; "
        f"{result['total_s']:.1f} s = load {result['load_s']:.1f} + prepare "
        f"{result['prepare_s']:.1f} + print (twice) {result['print_s']:.1f} + pack "
        f"{result['compact_s']:.1f}"
    )
    for figure in result["fit"]["scaled"]:
        print(f"  scaled to fit a page: {figure}")


if __name__ == "__main__":
    main()
