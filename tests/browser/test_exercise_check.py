"""Check (runner/check.js): on every exercise that runs in the browser (threads or asyncio),
Check on the starting code reports a failing seed with check.py's reason and a replay
button, and Check on the solution's code reports that every seed passed."""

from __future__ import annotations

import pytest

from guide import exercises as exercise_files

from .axe import serious_violations
from .driver import BLOCKS, BlockDriver
from .pages import page_url
from .test_threads import seed_of

BROWSER_KINDS = ("threads", "asyncio")
EXERCISES = [e for e in exercise_files.all_exercises() if e.kind in BROWSER_KINDS]
FAIL_SEEDS = 30  # the start fails on an early seed; Check stops at the first failure
PASS_SEEDS = 4  # of the page's 30, to keep the test short


def open_exercise(example_pages, site_dir, exercise) -> BlockDriver:
    """The exercise's block on its page (exercises/<section>/)."""
    path = site_dir / exercise.section / "exercises" / "index.html"
    assert f'data-exercise="{exercise.id}"' in path.read_text(encoding="utf-8")
    page = example_pages.open(page_url(site_dir, path))
    index = page.evaluate(
        "([blocks, id]) => [...document.querySelectorAll(blocks)]"
        ".findIndex((el) => el.dataset.exercise === id)",
        [BLOCKS, exercise.id],
    )
    assert index >= 0, exercise.id
    driver = BlockDriver(page, index)
    driver.button("reset").click()  # an earlier test may have left the solution in it
    assert driver.code.strip() == exercise.text("start.py").strip()
    return driver


def check(driver: BlockDriver, count: int) -> str:
    """Run Check over `count` seeds; wait for it; its verdict (data-check)."""
    driver.page.evaluate(
        "([i, n]) => { window.guideRunner.blocks[i].checker.count = n; }", [driver.index, count]
    )
    driver.button("check").click()
    driver.page.wait_for_function(
        "el => el.dataset.check && el.dataset.check !== 'running'",
        arg=driver.root.element_handle(),
        timeout=180_000,
    )
    return driver.root.get_attribute("data-check")


def status(driver: BlockDriver) -> str:
    return driver.root.locator(".guide-runner__check-status").inner_text()


def test_every_browser_exercise_has_check_and_processes_have_none(example_pages, site_dir):
    assert len(EXERCISES) >= 8, [e.id for e in EXERCISES]
    for kind in ("processes",):
        for exercise in exercise_files.all_exercises():
            if exercise.kind == kind:
                driver = open_exercise(example_pages, site_dir, exercise)
                assert driver.button("check").count() == 0


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_check_fails_the_start_and_passes_the_solution(example_pages, site_dir, exercise):
    driver = open_exercise(example_pages, site_dir, exercise)
    about = driver.root.locator(".guide-runner__check-about").inner_text()
    assert (
        "seeds of the simulated threads" if exercise.kind == "threads" else "same order"
    ) in about

    assert check(driver, FAIL_SEEDS) == "failed", status(driver)
    text = status(driver)
    assert text.startswith("Failed on "), text
    reason = driver.root.locator(".guide-runner__check-reason").inner_text()
    assert ": " in reason and len(reason.split(": ", 1)[1]) > 10, reason
    output = driver.root.locator(".guide-runner__check-output").inner_text()
    assert output.strip()
    # the reason is check.py's own for that output, unless the run deadlocked or raised
    expected = exercise.check()(output + "\n")
    if "deadlocked" not in reason and "exception" not in reason:
        assert expected, (reason, output)
        assert reason.endswith(expected), (reason, expected)
    replay = driver.button("check-replay")
    seed = int(replay.get_attribute("data-seed"))
    if exercise.kind == "threads":
        replay.click()
        driver.wait(timeout=90)
        assert seed_of(driver) == seed

    driver.set_code(exercise.text("solution.py"))
    assert driver.code.strip() == exercise.text("solution.py").strip()
    count = PASS_SEEDS if exercise.kind == "threads" else 2
    assert check(driver, count) == "passed", status(driver)
    kind = "seeds" if exercise.kind == "threads" else "runs"
    assert status(driver) == f"Passed {count} of {count} {kind}."
    assert driver.root.locator(".guide-runner__check-failure").is_hidden()


def test_check_by_keyboard_only_is_labelled_and_axe_clean(example_pages, site_dir) -> None:
    exercise = exercise_files.find("threads/exact_counter")
    driver = open_exercise(example_pages, site_dir, exercise)
    driver.page.evaluate(
        "([i, n]) => { window.guideRunner.blocks[i].checker.count = n; }",
        [driver.index, FAIL_SEEDS],
    )
    button = driver.button("check")
    assert button.get_attribute("aria-describedby")
    assert button.inner_text().strip().endswith("Check")
    button.focus()
    driver.page.keyboard.press("Enter")
    driver.page.wait_for_function(
        "el => el.dataset.check && el.dataset.check !== 'running'",
        arg=driver.root.element_handle(),
        timeout=180_000,
    )
    assert driver.root.get_attribute("data-check") == "failed", status(driver)
    replay = driver.button("check-replay")
    seed = int(replay.get_attribute("data-seed"))
    serious = serious_violations(driver.page)  # Check, its status and the failure panel
    assert not serious, "\n".join(serious)
    replay.focus()
    driver.page.keyboard.press("Enter")
    assert driver.wait(timeout=90) in ("finished", "failed", "deadlock")
    assert seed_of(driver) == seed
    assert f"Seed {seed}" in driver.root.locator(".guide-runner__threads").inner_text()
