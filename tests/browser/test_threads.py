"""Simulated threads in the page (simthreads/): a threading example
runs for real, says its threads are simulated, shows its seed and replays with it; a
deadlock demo ends with a wait-for report; threads added by the reader work; Stop and bad
input leave the page working. (Every runnable threading snippet is also run, and checked
against its CPython invariant, by test_examples.py.)"""

from __future__ import annotations

import re
import textwrap

import pytest

from guide import snippet_metadata
from guide.checks import check

from .driver import BlockDriver, normalise
from .pages import runnable_blocks

RACE = "threads/race_and_lock.py"
DEADLOCK = "problems/deadlock_forever.py"
LABEL = "simulated on one WebAssembly thread"


def block_of(site_dir, snippet: str):
    for block in runnable_blocks(site_dir):
        if block.snippet == snippet:
            return block
    pytest.fail(f"{snippet} is not a runnable block of the built site")


def open_block(example_pages, site_dir, snippet: str) -> BlockDriver:
    block = block_of(site_dir, snippet)
    return BlockDriver(example_pages.open(block.page), block.index)


def seed_of(driver: BlockDriver) -> int:
    return int(driver.root.get_attribute("data-seed"))


def test_a_race_runs_for_real_is_labelled_and_replays_by_seed(example_pages, site_dir) -> None:
    requests: list[str] = []
    driver = open_block(example_pages, site_dir, RACE)
    driver.page.on("request", lambda request: requests.append(request.url))
    assert driver.run(timeout=60) == "finished", driver.output
    snippet = snippet_metadata.find(RACE)
    recorded = normalise(snippet.output_path.read_text(encoding="utf-8"))
    check(snippet, normalise(driver.output), recorded)  # unlocked updates lost, locked not
    panel = driver.root.locator(".guide-runner__threads")
    assert panel.is_visible()
    assert LABEL in panel.inner_text() and "parallel speed-up is not" in panel.inner_text()
    first_seed, first_output = seed_of(driver), driver.output
    assert f"Seed {first_seed}" in panel.inner_text()
    # loaded by name from the site's own lock file (its hash checked), never from a CDN
    assert any(
        re.search(r"/assets/vendor/pyodide/simthreads-[\d.]+-py3-none-any\.whl$", u)
        for u in requests
    )

    driver.button("same-seed").click()
    assert driver.wait(timeout=60) == "finished"
    assert seed_of(driver) == first_seed
    assert driver.output == first_output  # the same interleaving, the same lost updates

    driver.button("new-seed").click()
    assert driver.wait(timeout=60) == "finished"
    assert seed_of(driver) != first_seed
    check(snippet, normalise(driver.output), recorded)


def test_threads_added_by_the_reader_run_and_bad_programs_leave_the_page_working(
    example_pages, site_dir
) -> None:
    driver = open_block(example_pages, site_dir, RACE)
    driver.set_code(
        textwrap.dedent(
            """\
            import threading
            lock = threading.Lock()
            with lock:
                lock.acquire()  # a Lock is not reentrant: waits for itself
            """
        )
    )
    assert driver.run(timeout=30) == "deadlocked"
    assert "which this very thread holds" in driver.stderr

    driver.set_code("import threading\nthreading.Thread(target=1/0).start()\n")
    assert driver.run(timeout=30) == "failed"
    assert "ZeroDivisionError" in driver.stderr

    driver.set_code(
        textwrap.dedent(
            """\
            import threading, time
            def tick():
                while True:
                    time.sleep(0.05)
            threading.Thread(target=tick).start()
            print("started")
            """
        )
    )
    driver.button("run").click()
    driver.wait_for_state("running")
    driver.page.wait_for_timeout(1000)
    assert driver.state == "running"  # never ends, is not deadlocked: Stop ends it
    state, elapsed = driver.stop_and_time()
    assert state == "stopped" and elapsed < 1500, (state, elapsed)

    driver.button("reset").click()
    assert driver.run(timeout=60) == "finished"
    assert "with a lock:    4,000 of 4,000 (lost 0)" in driver.output


def test_a_deadlock_demo_ends_with_a_wait_for_report(example_pages, site_dir) -> None:
    driver = open_block(example_pages, site_dir, DEADLOCK)
    assert driver.run(timeout=30) == "deadlocked", driver.output
    assert "CPython would hang here" in driver.status
    report = driver.stderr
    assert "Deadlock: all 3 threads are blocked" in report
    assert "waits for Lock locks['Y'], held by Thread-2 (transfer)" in report
    assert "waits for Lock locks['X'], held by Thread-1 (transfer)" in report
    assert re.search(r"Wait-for cycle: Thread-\d \(transfer\) → Thread-\d \(transfer\) → ", report)
    recorded = snippet_metadata.find(DEADLOCK).output_path.read_text(encoding="utf-8")
    printed = normalise(driver.root.locator(".guide-runner__stdout").all_text_contents()[0])
    assert sorted(printed.splitlines()) == sorted(recorded.splitlines())
    # the page is still fine: the same block runs again
    assert driver.run(timeout=30) == "deadlocked"


def test_an_example_edited_to_use_threads_loads_the_runtime(example_pages, site_dir) -> None:
    # a block in which the build found no thread (on the deadlock page: asyncio_deadlock.py)
    blocks = [b for b in runnable_blocks(site_dir) if "threads" not in b.needs and not b.session]
    deadlock_page = block_of(site_dir, DEADLOCK).page
    plain = next((b for b in blocks if b.page == deadlock_page), blocks[0])
    driver = BlockDriver(example_pages.open(plain.page), plain.index)
    driver.set_code(
        textwrap.dedent(
            """\
            from concurrent.futures import ThreadPoolExecutor
            import threading, time

            def name(_):
                time.sleep(0.01)  # busy workers: the pool starts all three
                return threading.current_thread().name

            with ThreadPoolExecutor(max_workers=3) as pool:
                names = set(pool.map(name, range(30)))
            print(len(names), sorted(names)[0])
            """
        )
    )
    assert driver.run(timeout=60) == "finished", driver.output
    # (Tasks that never block could all run on the first worker under some schedules: a
    # worker that is idle again before the next submit is reused rather than a new one made.)
    assert normalise(driver.output) == "3 ThreadPoolExecutor-0_0\n"
    assert driver.root.locator(".guide-runner__threads").is_visible()
