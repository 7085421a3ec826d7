"""Explore (runner/explore.js): a threading example run under many seeds shows its distinct
outcomes as bars with their seeds; an outcome replays its seed as a normal run; keyboard
only too. asyncio-only examples have no Explore (their order does not vary by seed)."""

from __future__ import annotations

from .test_threads import RACE, block_of, open_block, seed_of

FIX = "problems/lost_updates_lock.py"
ASYNCIO_ONLY = "problems/asyncio_lost_updates.py"
SEEDS = 12  # of the default 100, to keep the test short


def explore(driver, start) -> list[dict]:
    """Start an exploration of SEEDS seeds with `start()`; wait for it; its outcomes."""
    driver.page.evaluate(
        "([i, n]) => { window.guideRunner.blocks[i].explorer.count = n; }", [driver.index, SEEDS]
    )
    start()
    driver.page.wait_for_function(
        "el => el.dataset.explore && el.dataset.explore !== 'running'",
        arg=driver.root.element_handle(),
        timeout=180_000,
    )
    assert driver.root.get_attribute("data-explore") == "done", driver.status
    items = driver.root.locator(".guide-runner__outcome")
    outcomes = []
    for i in range(items.count()):
        item = items.nth(i)
        assert item.locator(".guide-runner__outcome-bar").is_visible()
        outcomes.append(
            {
                "count": int(item.get_attribute("data-count")),
                "ending": item.get_attribute("data-ending"),
                "seed": int(item.locator("button").get_attribute("data-seed")),
                "text": item.inner_text(),
            }
        )
    assert sum(outcome["count"] for outcome in outcomes) == SEEDS
    assert f"Explored {SEEDS} seeds" in driver.status
    return outcomes


def test_explore_the_race_then_replay_an_outcome(example_pages, site_dir) -> None:
    driver = open_block(example_pages, site_dir, RACE)
    outcomes = explore(driver, lambda: driver.button("explore").click())
    assert len(outcomes) > 1, outcomes
    assert all(outcome["ending"] == "finished" for outcome in outcomes)
    assert all("with a lock:    4,000 of 4,000" in outcome["text"] for outcome in outcomes)

    rare = outcomes[-1]
    driver.root.locator(f'.guide-runner__outcome-replay[data-seed="{rare["seed"]}"]').click()
    assert driver.wait(timeout=60) == "finished"
    assert seed_of(driver) == rare["seed"]
    assert f"Seed {rare['seed']}" in driver.root.locator(".guide-runner__threads").inner_text()
    # the replay prints what the outcome showed, and draws its timeline
    first_line = driver.output.splitlines()[0]
    assert first_line in rare["text"]
    assert driver.root.locator(".guide-runner__timeline").is_visible()


def test_explore_by_keyboard_only(example_pages, site_dir) -> None:
    driver = open_block(example_pages, site_dir, RACE)
    driver.button("share").focus()  # Explore comes after Share

    def by_keys() -> None:
        driver.page.keyboard.press("Tab")
        focused = driver.page.evaluate("document.activeElement.className")
        assert "guide-runner__explore" in focused, focused
        driver.page.keyboard.press("Enter")

    outcomes = explore(driver, by_keys)
    assert len(outcomes) > 1, outcomes
    replay = driver.root.locator(".guide-runner__outcome-replay").first
    seed = int(replay.get_attribute("data-seed"))
    replay.focus()
    driver.page.keyboard.press("Enter")
    assert driver.wait(timeout=60) == "finished"
    assert seed_of(driver) == seed


def test_the_locked_fix_has_one_outcome(example_pages, site_dir) -> None:
    driver = open_block(example_pages, site_dir, FIX)
    outcomes = explore(driver, lambda: driver.button("explore").click())
    assert len(outcomes) == 1, outcomes
    assert "lost updates: 0" in outcomes[0]["text"]


def test_asyncio_only_examples_have_no_explore(example_pages, site_dir) -> None:
    assert "threads" not in block_of(site_dir, ASYNCIO_ONLY).needs
    driver = open_block(example_pages, site_dir, ASYNCIO_ONLY)
    assert driver.button("run").count() == 1
    assert driver.button("explore").count() == 0
    race = open_block(example_pages, site_dir, RACE)
    assert race.button("explore").count() == 1
