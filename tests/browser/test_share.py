"""Share links (runner/share.js): a block's Share puts a link on the clipboard that carries
the edited code (compressed, in the fragment) and, after a run with simulated threads, its
seed; opening it shows the code in its block, labelled as shared, and its first run uses
the seed. Too long a program gets a message; a damaged link leaves the example's code; with
no clipboard the link is shown in a field; all of it by keyboard too."""

from __future__ import annotations

import random
from urllib.parse import urlsplit

import pytest

from .axe import serious_violations
from .conftest import new_context
from .driver import BlockDriver
from .pages import runnable_blocks
from .test_runner import playground_block

RACE = "threads/race_and_lock.py"
NO_CLIPBOARD = (
    "Object.defineProperty(navigator, 'clipboard', {value: {writeText: () =>"
    " Promise.reject(new Error('refused'))}})"
)


@pytest.fixture(scope="module")
def context(browser):
    with new_context(browser) as context:
        context.grant_permissions(["clipboard-read", "clipboard-write"])
        yield context


def open_block(context, server, block) -> BlockDriver:
    page = context.new_page()
    page.goto(server.url + block.page)
    return BlockDriver(page, block.index)


def clipboard(driver: BlockDriver) -> str:
    return driver.page.evaluate("navigator.clipboard.readText()")


def share(driver: BlockDriver) -> str:
    driver.page.evaluate("navigator.clipboard.writeText('')")
    driver.button("share").click()
    driver.page.wait_for_function("() => navigator.clipboard.readText().then(t => t !== '')")
    return clipboard(driver)


def wait_for_share_state(driver: BlockDriver, state: str) -> None:
    driver.page.wait_for_function(
        "([el, state]) => el.dataset.share === state", arg=[driver.root.element_handle(), state]
    )


def open_link(context, url: str, index: int) -> BlockDriver:
    page = context.new_page()
    page.goto(url)
    return BlockDriver(page, index)


def test_a_link_round_trips_the_edited_code(context, server, site_dir) -> None:
    block = playground_block(site_dir)
    driver = open_block(context, server, block)
    original = driver.code
    edited = "# a reader's edit, with ünïcode\nprint('shared', 6 * 7)\n"
    driver.set_code(edited)
    link = share(driver)
    parts = urlsplit(link)
    assert parts.path == "/" + block.page and parts.fragment.startswith("share=")
    assert "print" not in link, "the code is compressed, not written out"
    assert "Link to this code copied" in driver.status, driver.status
    driver.page.evaluate("localStorage.clear()")  # the edit was kept here, as any edit is
    driver.page.close()

    opened = open_link(context, link, block.index)
    assert opened.code == edited
    label = opened.root.locator(".guide-runner__shared")
    assert label.is_visible() and label.inner_text() == "Shared code"
    assert not opened.root.locator(".guide-runner__edited").is_visible()
    assert "Shared code from a link" in opened.status
    assert opened.page.evaluate(
        "el => { const r = el.getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0; }",
        opened.root.element_handle(),
    ), "the shared block is scrolled into view"
    assert opened.run() == "finished", opened.output
    assert opened.output == "shared 42\n"
    # not kept in the browser until the reader edits it
    key = opened.page.evaluate(
        "i => Object.keys(localStorage).filter(k => k.includes(window.guideRunner.blocks[i].name))",
        block.index,
    )
    assert key == []

    opened.button("reset").click()
    assert opened.code == original
    assert not label.is_visible()
    assert opened.page.evaluate("location.hash") == ""
    opened.page.close()


def test_a_thread_program_shares_the_seed_of_its_last_run(context, server, site_dir) -> None:
    block = next(b for b in runnable_blocks(site_dir) if b.snippet == RACE)
    driver = open_block(context, server, block)
    assert driver.run(timeout=90) == "finished", driver.output
    seed, output = driver.root.get_attribute("data-seed"), driver.output
    link = share(driver)
    assert f"seed={seed}" in urlsplit(link).fragment
    driver.page.close()

    opened = open_link(context, link, block.index)
    assert f"with seed {seed}" in opened.status
    assert opened.root.locator(".guide-runner__shared").is_visible()
    assert opened.run(timeout=90) == "finished", opened.output
    assert opened.root.get_attribute("data-seed") == seed
    assert f"Seed {seed}" in opened.root.locator(".guide-runner__threads").inner_text()
    assert opened.output == output, "the same seed replays the same interleaving"
    opened.page.close()


def test_too_long_a_program_gets_a_message_not_a_link(context, server, site_dir) -> None:
    block = playground_block(site_dir)
    driver = open_block(context, server, block)
    noise = random.Random(18)
    lines = [f"# {noise.getrandbits(256):064x}" for _ in range(250)]  # ~16 kB, incompressible
    driver.set_code("\n".join(lines) + "\nprint('long')\n")
    driver.page.evaluate("navigator.clipboard.writeText('before')")
    driver.button("share").click()
    wait_for_share_state(driver, "too-long")
    assert "too long to share as a link" in driver.status, driver.status
    assert "8,000" in driver.status
    assert clipboard(driver) == "before", "no link was copied"
    driver.page.close()


@pytest.mark.parametrize("code", ["!!not base64!!", "AAAAAAAA", ""])
def test_a_damaged_link_shows_the_error_and_the_original_code(
    context, server, site_dir, code
) -> None:
    block = playground_block(site_dir)
    original = open_block(context, server, block)
    expected = original.code
    original.page.close()
    link = f"{server.url}{block.page}#share=1&block={block.snippet}&i={block.index}&code={code}"
    opened = open_link(context, link, block.index)
    wait_for_share_state(opened, "unreadable")
    assert "shared code in this link could not be read" in opened.status, opened.status
    assert opened.code == expected
    assert not opened.root.locator(".guide-runner__shared").is_visible()
    assert opened.run() == "finished", "the page keeps working"
    opened.page.close()


def test_keyboard_only_and_without_a_clipboard_the_link_is_shown_in_a_field(
    browser, server, site_dir
) -> None:
    block = playground_block(site_dir)
    with new_context(browser) as context:
        context.add_init_script(NO_CLIPBOARD)
        page = context.new_page()
        page.goto(server.url + block.page)
        driver = BlockDriver(page, block.index)
        driver.set_code("print('by keyboard')\n")
        driver.button("copy").focus()
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.classList.contains('guide-runner__share')")
        page.keyboard.press("Enter")
        field = driver.root.locator("input.guide-runner__share-link")
        field.wait_for()
        assert "clipboard is not available" in driver.status, driver.status
        assert page.evaluate(
            "document.activeElement.classList.contains('guide-runner__share-link')"
        )
        link = field.input_value()
        assert link.startswith(server.url + block.page + "#share=")
        serious = serious_violations(page)  # the new button, label and field included
        assert not serious, "\n".join(serious)

        opened = open_link(context, link, block.index)
        assert opened.code == "print('by keyboard')\n"
        assert opened.root.locator(".guide-runner__shared").is_visible()
