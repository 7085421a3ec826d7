"""Benchmarks of the in-page runner (`nox -s bench`): prints figures, asserts nothing.

    python -m tests.browser.bench [--site-dir site] [--page asyncio/tasks/] [--repeat 5]

(a) bare Pyodide load in a module worker: new Worker() to loadPyodide() resolved and a
    print() run
(b) click on Run to the first output on the page, cold (Pyodide not loaded yet; the click
    is a script's, so no hover started loading before it): the runner's Python started
    from the build's memory snapshot (runner/snapshot.mjs)
(b') the same without the snapshot (its manifest answered 404): Python started from scratch
(c) click on Run to the first output, second run on the same page
(d) bytes transferred by the page before the first Run (and how many were Pyodide's)
(f) the reader's second page: after a run on one page, another page with examples opened
    in the same tab (the browser's disk cache holds the files), click on Run to the first
    output; with the snapshot, and without it (f')
(e) what recording the timeline costs (issue 9: at most 1.20 x): a threading demo and an
    asyncio demo, each run with the timeline on and off, alternately, on one page (click on
    Run to the end of the run, the timeline drawn); the ratio of the medians, on / off

    python -m tests.browser.bench --only-timeline [--timeline-repeat 9]
    python -m tests.browser.bench --no-timeline      (a) to (d) and (f) only

Every repetition uses fresh browser contexts (empty cache), and the figures of one
repetition are taken one after another, so that (a), (b), (b') and (f) share the machine's
state; the order of (b) and (b') alternates. The site is served on 127.0.0.1 with its
_headers (cross-origin isolated), as Netlify or Cloudflare Pages would, every file with
`Cache-Control: no-cache` (revalidated on each use, as Netlify's default does).
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from guide import chromium, paths

from .pages import runnable_blocks
from .server import SiteServer

BARE_LOAD = """async (indexURL) => {
    const source = `
        const start = performance.now();
        const { loadPyodide } = await import("${indexURL}pyodide.mjs");
        const pyodide = await loadPyodide({ indexURL: "${indexURL}", stdout: () => {} });
        pyodide.runPython("print('ready')");
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
SNAPSHOT_MANIFEST = "**/assets/vendor/pyodide/runner-snapshot.json"
# (f)'s example: it prints at once, so that its first output measures the start-up only.
SECOND_PAGE = "asyncio/coroutine_objects.py"
HOW_PYTHON_STARTED = "() => window.guideRunner.interpreter.info?.start"


def launch(playwright):
    return playwright.chromium.launch(**chromium.launch_options())


def choose_page(site_dir: Path, other_than: str | None = None) -> tuple[str, int]:
    """The first block that runs in a browser as written: asyncio only (on another page
    than `other_than`)."""
    blocks = [b for b in runnable_blocks(site_dir) if b.page != other_than]
    for block in blocks:
        if block.needs == {"asyncio"}:
            return block.page, block.index
    for block in blocks:
        if not block.needs & {"threads", "processes", "sockets"}:
            return block.page, block.index
    sys.exit(f"no runnable block in {site_dir}")


def second_page_block(site_dir: Path, first: str) -> tuple[str, int]:
    """(f)'s block: SECOND_PAGE's if the site has it on another page than `first`."""
    for block in runnable_blocks(site_dir):
        if block.snippet == SECOND_PAGE and block.page != first:
            return block.page, block.index
    return choose_page(site_dir, other_than=first)


def bare_load(browser, base_url: str) -> float:
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + "404.html")
    total, _ = page.evaluate(BARE_LOAD, base_url + "assets/vendor/pyodide/")
    context.close()
    return total


def without_snapshot(context) -> None:
    """The site as it would be without the snapshot: its manifest is not found."""
    context.route(SNAPSHOT_MANIFEST, lambda route: route.fulfill(status=404, body=""))


def started(page, expected: str) -> None:
    """Stop the bench if Python did not start the way the figure claims."""
    how = page.evaluate(HOW_PYTHON_STARTED)
    if how != expected:
        sys.exit(f"Python started {how!r}, the bench expected {expected!r}: is the snapshot built?")


def page_runs(browser, base_url: str, path: str, index: int, snapshot: bool = True):
    """(b) (or (b') without the snapshot), (c) and (d) on one fresh page: ms, ms, bytes,
    Pyodide's bytes, the runner's."""
    context = browser.new_context()
    if not snapshot:
        without_snapshot(context)
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
    started(page, "snapshot" if snapshot else "plain")
    warm = block.evaluate(CLICK_TO_FIRST_OUTPUT)
    page.wait_for_function(ENDED, arg=block.element_handle(), timeout=120_000)
    context.close()
    total = sum(size for _, size in before)
    pyodide = sum(size for url, size in before if "/assets/vendor/pyodide/" in url)
    runner = sum(size for url, size in before if RUNNER_FILES.search(url))
    return cold, warm, total, pyodide, runner


def second_page(playwright, base_url: str, first, second, snapshot: bool = True) -> float:
    """(f): a run on page `first`, then page `second` in the same tab: ms from the click on
    its Run to its first output. In a browser profile of its own, empty at first, with a
    cache on disk as a reader's has: a fresh context (an incognito window) keeps its cache
    in memory and leaves out files over about 6.5 MB (Pyodide's wasm)."""
    with tempfile.TemporaryDirectory(prefix="guide-bench-profile-") as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, **chromium.launch_options()
        )
        if not snapshot:
            without_snapshot(context)
        page = context.new_page()
        times = []
        for path, index in (first, second):
            page.goto(base_url + path, wait_until="networkidle")
            # Without headers, coi-serviceworker reloads the first page once, isolated.
            page.wait_for_function("crossOriginIsolated === true", timeout=30_000)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(1500)
            block = page.locator('.guide-example[data-run="browser"]').nth(index)
            block.locator(".cm-content").wait_for(state="attached")
            times.append(block.evaluate(CLICK_TO_FIRST_OUTPUT))
            page.wait_for_function(ENDED, arg=block.element_handle(), timeout=120_000)
            started(page, "snapshot" if snapshot else "plain")
        context.close()
    return times[1]


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
    parser.add_argument("--site-dir", type=Path, default=paths.site_dir())
    parser.add_argument("--page", help="URL path of the page to click Run on")
    parser.add_argument("--index", type=int, default=0, help="which runnable block of --page")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--timeline-repeat", type=int, default=9, help="runs of (e), each way")
    parser.add_argument("--only-timeline", action="store_true", help="measure (e) only")
    parser.add_argument("--no-timeline", action="store_true", help="measure all but (e)")
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
    other = second_page_block(options.site_dir, path)
    keys = ("a", "b", "b'", "c", "f", "f'", "f''")
    figures: dict[str, list[float]] = {key: [] for key in keys}
    # (a) is bare Pyodide; (b), (c), (f), (f'') the runner with the snapshot; (b'), (f') without
    total, pyodide, runner = [], [], []
    with (
        SiteServer(options.site_dir, headers=True) as server,
        SiteServer(options.site_dir, headers=False) as plain_server,
        sync_playwright() as playwright,
    ):
        browser = launch(playwright)
        for repetition in range(options.repeat):
            figures["a"].append(bare_load(browser, server.url))
            for snapshot in (True, False) if repetition % 2 == 0 else (False, True):
                cold, warm, t, p, r = page_runs(browser, server.url, path, index, snapshot)
                figures["b" if snapshot else "b'"].append(cold)
                if snapshot:
                    figures["c"].append(warm)
                    total.append(t)
                    pyodide.append(p)
                    runner.append(r)
            for snapshot in (True, False):
                ms = second_page(playwright, server.url, (path, index), other, snapshot)
                figures["f" if snapshot else "f'"].append(ms)
            ms = second_page(playwright, plain_server.url, (path, index), other)
            figures["f''"].append(ms)
        timeline = (
            []
            if options.no_timeline
            else timeline_report(browser, server.url, options.site_dir, options.timeline_repeat)
        )
        browser.close()
    a, b, b_plain, c, f, f_plain, f_worker = (statistics.median(v) for v in figures.values())
    print(f"page: {path} (runnable block {index}); second page: {other[0]} (block {other[1]})")
    print(f"medians of {options.repeat} repetitions, each in fresh browser contexts")
    print(f"(a)  bare Pyodide load + print() in a worker:  {a:7.0f} ms")
    print(
        f"(b)  click to first output, cold, snapshot:    {b:7.0f} ms  = {b / a:.2f} x (a)"
        "  goal <= 0.60 x"
    )
    print(
        f"(b') click to first output, cold, no snapshot: {b_plain:7.0f} ms  = {b_plain / a:.2f} x (a)"
    )
    print(f"(c)  click to first output, second run:       {c:7.0f} ms  goal <= 150 ms")
    print(
        f"(d)  bytes before the first Run:               {statistics.median(total):7.0f} B, "
        f"of which Pyodide {max(pyodide)} B (goal: none), the runner's "
        f"{statistics.median(runner):.0f} B (uncompressed)"
    )
    print(f"(f)  second page, click to first output:       {f:7.0f} ms  goal <= 1500 ms")
    print(f"(f') second page, no snapshot:                 {f_plain:7.0f} ms")
    print(f"(f'') second page, host without headers:       {f_worker:7.0f} ms  goal <= 1500 ms")
    for key, values in figures.items():
        print(f"all ({key}): " + ", ".join(f"{x:.0f}" for x in values))
    print("\n".join(timeline))


if __name__ == "__main__":
    main()
