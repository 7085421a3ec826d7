"""Benchmarks of the in-page runner (`nox -s bench`): prints figures, asserts nothing.

    python -m tests.browser.bench [--site-dir site] [--page asyncio/tasks/] [--repeat 5]

(a) bare Pyodide load in a module worker: new Worker() to loadPyodide() resolved
(b) click on Run to the first output on the page, cold (Pyodide not loaded yet; the click
    is a script's, so no hover started loading before it)
(c) click on Run to the first output, second run on the same page
(d) bytes transferred by the page before the first Run (and how many were Pyodide's)
(e) what recording the timeline costs (issue 9: at most 1.20 x): a threading demo and an
    asyncio demo, each run with the timeline on and off, alternately, on one page (click on
    Run to the end of the run, the timeline drawn); the ratio of the medians, on / off

    python -m tests.browser.bench --only-timeline [--timeline-repeat 9]

Every repetition uses a fresh browser context (empty cache). The site is served on
127.0.0.1 with its _headers (cross-origin isolated), as Netlify or Cloudflare Pages would.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from .pages import runnable_blocks
from .server import SiteServer

ROOT = Path(__file__).resolve().parents[2]
ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

BARE_LOAD = """async (indexURL) => {
    const source = `
        const start = performance.now();
        const { loadPyodide } = await import("${indexURL}pyodide.mjs");
        await loadPyodide({ indexURL: "${indexURL}" });
        postMessage(performance.now() - start);
    `;
    const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
    const start = performance.now();
    const worker = new Worker(url, { type: "module" });
    const inWorker = await new Promise((resolve, reject) => {
        worker.onmessage = (event) => resolve(event.data);
        worker.onerror = (event) => reject(new Error(event.message));
    });
    const total = performance.now() - start;
    worker.terminate();
    return [total, inWorker];
}"""

CLICK_TO_FIRST_OUTPUT = """el => new Promise(resolve => {
    const log = el.querySelector('.guide-runner__log');
    const start = performance.now();
    const observer = new MutationObserver(() => {
        if (log.textContent.length > 0) {
            observer.disconnect();
            resolve(performance.now() - start);
        }
    });
    observer.observe(log, { childList: true, subtree: true, characterData: true });
    el.querySelector('.guide-runner__run').click();
})"""

ENDED = "el => !el.classList.contains('guide-runner--running') && !!el.dataset.state"

# (e): demos of the site, the timeline on and off. The race switches threads thousands of
# times (the most events a short demo records); gather is the page's asyncio demo; the
# spinner is asyncio's worst case, a task step (three events) every few microseconds.
TIMELINE_DEMOS = ("threads/race_and_lock.py", "asyncio/gather.py")
SPINNER = """\
import asyncio

async def spin(n):
    for _ in range(n):
        await asyncio.sleep(0)

async def main():
    await asyncio.gather(*(spin(2_000) for _ in range(4)))
    print("done")

asyncio.run(main())
"""

CLICK_TO_END = """([el, index, record]) => new Promise(resolve => {
    window.guideRunner.blocks[index].recordTimeline = record;
    const start = performance.now();
    const observer = new MutationObserver(() => {
        if (!el.classList.contains('guide-runner--running') && el.dataset.state) {
            observer.disconnect();
            const shown = !el.querySelector('details.guide-runner__timeline').hidden;
            resolve([el.dataset.state, performance.now() - start, shown]);
        }
    });
    observer.observe(el, { attributes: true });
    el.querySelector('.guide-runner__run').click();
})"""
RUNNER_FILES = re.compile(r"/assets/runner/|/coi-serviceworker\.js$")


def launch(playwright):
    args = list(ARGS)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")
    path = shutil.which("chromium")
    if path is None:
        sys.exit("Chromium was not found: install it with `apt-get install -y chromium`")
    return playwright.chromium.launch(executable_path=path, args=args)


def choose_page(site_dir: Path) -> tuple[str, int]:
    """The first block that runs in a browser as written: asyncio only."""
    for block in runnable_blocks(site_dir):
        if block.needs == {"asyncio"}:
            return block.page, block.index
    for block in runnable_blocks(site_dir):
        if not block.needs & {"threads", "processes", "sockets"}:
            return block.page, block.index
    sys.exit(f"no runnable block in {site_dir}")


def bare_load(browser, base_url: str) -> float:
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + "404.html")
    total, _ = page.evaluate(BARE_LOAD, base_url + "assets/vendor/pyodide/")
    context.close()
    return total


def page_runs(browser, base_url: str, path: str, index: int) -> tuple[float, ...]:
    """(b), (c) and (d) on one fresh page: ms, ms, bytes, Pyodide's bytes, the runner's."""
    context = browser.new_context()
    page = context.new_page()
    sizes: list[tuple[str, int]] = []

    def finished(request) -> None:
        try:
            size = request.sizes()
            sizes.append((request.url, size["responseBodySize"] + size["responseHeadersSize"]))
        except Exception:  # the request failed or was cancelled: nothing transferred
            pass

    page.on("requestfinished", finished)
    page.goto(base_url + path, wait_until="networkidle")
    page.wait_for_timeout(1500)
    before = list(sizes)
    block = page.locator('.guide-example[data-run="browser"]').nth(index)
    block.locator(".cm-content").wait_for(state="attached")
    cold = block.evaluate(CLICK_TO_FIRST_OUTPUT)
    page.wait_for_function(ENDED, arg=block.element_handle(), timeout=120_000)
    warm = block.evaluate(CLICK_TO_FIRST_OUTPUT)
    page.wait_for_function(ENDED, arg=block.element_handle(), timeout=120_000)
    context.close()
    total = sum(size for _, size in before)
    pyodide = sum(size for url, size in before if "/assets/vendor/pyodide/" in url)
    runner = sum(size for url, size in before if RUNNER_FILES.search(url))
    return cold, warm, total, pyodide, runner


def timeline_cost(browser, base_url: str, site_dir: Path, snippet: str, repeat: int, code=None):
    """(e) for one demo: ms per run with the timeline on and off, alternately (on, off,
    then off, on, ...) after a warm-up run, on one page."""
    from .driver import BlockDriver

    block = next((b for b in runnable_blocks(site_dir) if b.snippet == snippet), None)
    if block is None:
        sys.exit(f"{snippet} is not a runnable block of {site_dir}")
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + block.page, wait_until="load")
    page.evaluate("() => window.guideRunner.interpreter.load().then(() => true)")
    driver = BlockDriver(page, block.index)
    if code is not None:
        driver.set_code(code)
    root = driver.root.element_handle()
    times: dict[bool, list[float]] = {True: [], False: []}
    page.evaluate(CLICK_TO_END, [root, block.index, True])  # loads the runtimes it needs
    shown = True
    for round_ in range(repeat):
        for record in (True, False) if round_ % 2 == 0 else (False, True):
            state, ms, timeline = page.evaluate(CLICK_TO_END, [root, block.index, record])
            if state not in {"finished", "deadlocked"}:
                sys.exit(f"{snippet}: the run ended {state}")
            if timeline != record:
                shown = False
            times[record].append(ms)
    context.close()
    return times[True], times[False], shown


def timeline_report(browser, base_url: str, site_dir: Path, repeat: int) -> list[str]:
    """The lines (e) prints."""
    demos = [(snippet, snippet, None) for snippet in TIMELINE_DEMOS]
    demos.append(("asyncio spinner (4 tasks x 2,000 sleep(0))", TIMELINE_DEMOS[1], SPINNER))
    lines = [f"(e) the timeline's cost: medians of {repeat} runs each way, alternately"]
    for label, snippet, code in demos:
        on, off, shown = timeline_cost(browser, base_url, site_dir, snippet, repeat, code)
        ratio = statistics.median(on) / statistics.median(off)
        lines += [
            f"    {label:44} on {statistics.median(on):6.0f} ms, off "
            f"{statistics.median(off):6.0f} ms: {ratio:.2f} x  goal <= 1.20 x"
            + ("" if shown else "  (the timeline did not follow the switch!)"),
            "      on:  " + ", ".join(f"{x:.0f}" for x in on),
            "      off: " + ", ".join(f"{x:.0f}" for x in off),
        ]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--site-dir", type=Path, default=Path(os.environ.get("GUIDE_SITE_DIR", ROOT / "site"))
    )
    parser.add_argument("--page", help="URL path of the page to click Run on")
    parser.add_argument("--index", type=int, default=0, help="which runnable block of --page")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--timeline-repeat", type=int, default=9, help="runs of (e), each way")
    parser.add_argument("--only-timeline", action="store_true", help="measure (e) only")
    options = parser.parse_args()
    if options.only_timeline:
        with SiteServer(options.site_dir, headers=True) as server, sync_playwright() as pw:
            browser = launch(pw)
            print(
                "\n".join(
                    timeline_report(browser, server.url, options.site_dir, options.timeline_repeat)
                )
            )
            browser.close()
        return
    path, index = (options.page, options.index) if options.page else choose_page(options.site_dir)
    with SiteServer(options.site_dir, headers=True) as server, sync_playwright() as playwright:
        browser = launch(playwright)
        bare, cold, warm, total, pyodide, runner = [], [], [], [], [], []
        for _ in range(options.repeat):
            bare.append(bare_load(browser, server.url))
            b, c, t, p, r = page_runs(browser, server.url, path, index)
            cold.append(b)
            warm.append(c)
            total.append(t)
            pyodide.append(p)
            runner.append(r)
        timeline = timeline_report(browser, server.url, options.site_dir, options.timeline_repeat)
        browser.close()
    a, b, c = statistics.median(bare), statistics.median(cold), statistics.median(warm)
    print(f"page: {path} (runnable block {index}); medians of {options.repeat} fresh contexts")
    print(f"(a) bare Pyodide load in a worker:        {a:7.0f} ms")
    print(
        f"(b) click to first output, cold page:     {b:7.0f} ms  = {b / a:.2f} x (a)  goal <= 1.10 x"
    )
    print(f"(c) click to first output, second run:    {c:7.0f} ms  goal <= 150 ms")
    print(
        f"(d) bytes before the first Run:           {statistics.median(total):7.0f} B, "
        f"of which Pyodide {max(pyodide)} B (goal: none), the runner's "
        f"{statistics.median(runner):.0f} B (uncompressed)"
    )
    print("all (a): " + ", ".join(f"{x:.0f}" for x in bare))
    print("all (b): " + ", ".join(f"{x:.0f}" for x in cold))
    print("all (c): " + ", ".join(f"{x:.0f}" for x in warm))
    print("\n".join(timeline))


if __name__ == "__main__":
    main()
