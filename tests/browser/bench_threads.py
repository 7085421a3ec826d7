"""Benchmarks of the simulated-thread runtime in headless Chromium (Debian's), on the built
site, through a runnable block as a reader runs it (`nox -s bench`):

(a) overhead on thread-free code: a pure-Python loop in plain Pyodide, then the same loop
    in a program that has used threads (the runtime loaded, its switch points switched on
    and off again); goal <= 1.5x;
(b) 4 threads x 100,000 increments under a lock, wall time of the run; goal <= 3 s;
and, for reference, the loop of (a) while another thread is alive (switch points on).

    python -m tests.browser.bench_threads --site-dir DIR

Figures of record: tests/browser/BENCHMARKS.md ("Simulated threads").
"""

from __future__ import annotations

import argparse
import re
import textwrap
from pathlib import Path

from playwright.sync_api import sync_playwright

from guide import chromium

from .driver import BlockDriver
from .pages import runnable_blocks
from .server import SiteServer

LOOP = """
import time

def work():
    total = 0
    for i in range(2_000_000):
        total += i % 7
    return total

best = min(timed for timed in (
    (lambda start: (work(), time.perf_counter() - start)[1])(time.perf_counter())
    for _ in range(3)
))
print(f"loop {best:.4f}")
"""

# The same loop, in a program that ran threads first (so the runtime is loaded and the
# program's code was instrumented while two threads were alive).
LOOP_AFTER_THREADS = "import threading\nthreading.Thread(target=print).start()\n" + LOOP

# The same loop while another thread is alive (sleeping): switch points on, for reference.
LOOP_BESIDE_A_THREAD = (
    "import threading, time\n"
    "threading.Thread(target=time.sleep, args=(60,), daemon=True).start()\n" + LOOP
)

LOCKED = """
import threading

counter = 0
lock = threading.Lock()

def work():
    global counter
    for _ in range(100_000):
        with lock:
            counter += 1

threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
"""


def run_block(driver: BlockDriver, code: str) -> tuple[str, float]:
    driver.set_code(textwrap.dedent(code))
    state = driver.run(timeout=120)
    assert state == "finished", f"{state}: {driver.output}"
    seconds = float(re.search(r"Finished in ([\d.]+) s", driver.status)[1])
    return driver.output, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site-dir", type=Path, required=True)
    site_dir = parser.parse_args().site_dir
    block = next(b for b in runnable_blocks(site_dir) if "threads" in b.needs)
    with SiteServer(site_dir, headers=True) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(**chromium.launch_options())
        page = browser.new_page()
        page.goto(server.url + block.page)
        driver = BlockDriver(page, block.index)
        run_block(driver, "print('warm up')")
        plain = min(float(run_block(driver, LOOP)[0].split()[1]) for _ in range(2))
        threaded = min(
            float(run_block(driver, LOOP_AFTER_THREADS)[0].split()[-1]) for _ in range(2)
        )
        beside = min(
            float(run_block(driver, LOOP_BESIDE_A_THREAD)[0].split()[-1]) for _ in range(2)
        )
        output, locked = min((run_block(driver, LOCKED) for _ in range(3)), key=lambda r: r[1])
        assert output.strip() == "400000", output
        browser.close()
    ratio = threaded / plain
    print(
        f"bench runtime: thread-free loop {plain * 1000:.0f} ms plain, "
        f"{threaded * 1000:.0f} ms after threads: {ratio:.2f}x (goal <= 1.5x)"
    )
    print(
        f"bench runtime: the same loop beside a live thread (switch points on) "
        f"{beside * 1000:.0f} ms: {beside / plain:.2f}x (for reference)"
    )
    print(f"bench runtime: 4 threads x 100,000 locked increments {locked:.2f} s (goal <= 3 s)")


if __name__ == "__main__":
    main()
