"""The timeline under a run's output (runner.js, runner/guide_runner/, guide/timeline/): one
lane per thread or task, the marks where they waited and on what, details on focus, the
deadlock's cycle, the note of a long run, nothing for a plain program."""

from __future__ import annotations

import re
import textwrap

from .driver import BlockDriver
from .test_threads import open_block

QUEUE_WORKERS = "threads/queue_workers.py"  # MainThread and worker-0, -1, -2
GATHER = "asyncio/gather.py"  # main() and its 4 square() tasks
DEADLOCK = "problems/deadlock_forever.py"  # MainThread and the two transfers, in a cycle


def timeline_of(driver: BlockDriver):
    """The block's timeline, opened as a reader would (a click on its summary)."""
    timeline = driver.root.locator("details.guide-runner__timeline")
    assert timeline.is_visible(), "no timeline under the output"
    if not timeline.evaluate("el => el.open"):
        timeline.locator("summary").click()
    timeline.locator("svg.tl:visible").wait_for()  # the wide or, on a phone, the narrow one
    return timeline


def lane_names(timeline, kind: str | None = None) -> list[str]:
    selector = "svg.tl--wide g.tl-lane" + (f'[data-kind="{kind}"]' if kind else "")
    return [
        lane.locator("text.tl-name").first.text_content()
        for lane in timeline.locator(selector).all()
    ]


def test_a_threading_run_has_one_lane_per_thread_and_marks_what_they_waited_on(
    example_pages, site_dir
) -> None:
    driver = open_block(example_pages, site_dir, QUEUE_WORKERS)
    assert driver.run(timeout=60) == "finished", driver.output
    timeline = timeline_of(driver)
    summary = timeline.locator("summary").inner_text()
    assert re.fullmatch(
        r"Timeline · 4 threads · [\d,]+ events \(simulated threads, virtual time\)", summary
    ), summary
    # the program starts 3 workers; the main thread is the fourth lane
    assert sorted(lane_names(timeline)) == ["MainThread", "worker-0", "worker-1", "worker-2"]
    assert timeline.locator("svg.tl--wide g.tl-lane").count() == 4
    assert timeline.locator("svg.tl--narrow g.tl-lane").count() == 4  # shown on a phone
    # idle workers wait on the queue's get(); working ones sleep
    assert timeline.locator(".tl-wait--queue").count() >= 1
    assert timeline.locator(".tl-wait--sleep").count() >= 1
    # each line printed is on the lane that printed it (marks close together are merged)
    printed = " ".join(
        m.get_attribute("aria-label")
        for m in timeline.locator("g.tl-lane .tl-print[aria-label]").all()
    )
    for line in driver.output.splitlines():
        assert line in printed
    assert "MainThread printed" in printed


def test_an_asyncio_run_has_one_lane_per_task_and_focus_shows_details(
    example_pages, site_dir
) -> None:
    driver = open_block(example_pages, site_dir, GATHER)
    assert driver.run(timeout=60) == "finished", driver.output
    timeline = timeline_of(driver)
    summary = timeline.locator("summary").inner_text()
    assert re.fullmatch(r"Timeline · 5 tasks · [\d,]+ events \(real time\)", summary), summary
    # main() and the four square() tasks gather starts, named as asyncio names them
    assert sorted(lane_names(timeline, "task")) == [f"Task-{n}" for n in range(1, 6)]
    assert timeline.locator(".tl-wait--sleep").count() >= 4  # each square() sleeps
    assert timeline.locator(".tl-wait--join").count() >= 1  # main() awaits gather()

    caption = timeline.locator(".guide-runner__timeline-detail")
    assert caption.get_attribute("aria-live") == "polite"
    items = timeline.locator('svg.tl--wide [tabindex="0"][aria-label]')
    assert items.count() >= 10
    first, last = items.first, items.last
    first.focus()
    assert caption.inner_text() == first.get_attribute("aria-label")
    last.focus()
    assert caption.inner_text() == last.get_attribute("aria-label")
    assert caption.inner_text() != first.get_attribute("aria-label")
    # the details show once, in the caption: the figure's own tip stays hidden
    tips = timeline.locator("svg.tl--wide .tl-tip")
    assert tips.count() >= 10
    assert tips.evaluate_all("els => els.filter(e => getComputedStyle(e).display !== 'none')") == []


VISIBLE_TEXT = """svg => [...svg.querySelectorAll(SELECTOR)].map(t => {
    const box = t.getBoundingClientRect();
    return {text: t.textContent, left: box.left, right: box.right,
            size: parseFloat(getComputedStyle(t).fontSize) * box.height / t.getBBox().height};
})"""


def test_on_a_phone_the_deadlock_and_its_cycle_are_in_view(example_pages, site_dir) -> None:
    """At 390 x 844 the narrow figure takes the place of the wide one: no sideways scroll,
    and what each deadlocked thread holds and waits for reads within the screen."""
    driver = open_block(example_pages, site_dir, DEADLOCK)
    page = driver.page
    size = page.viewport_size
    page.set_viewport_size({"width": 390, "height": 844})
    try:
        assert driver.run(timeout=30) == "deadlocked", driver.output
        timeline = timeline_of(driver)
        scroll = timeline.locator(".tl-scroll")
        box = scroll.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
        assert not timeline.locator("svg.tl--wide").is_visible()
        narrow = timeline.locator("svg.tl--narrow")
        assert narrow.is_visible()
        assert scroll.evaluate("el => el.scrollWidth <= el.clientWidth")
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
        words = narrow.evaluate(VISIBLE_TEXT.replace("SELECTOR", "'.tl-holds, .tl-name'"))
        holds = [w for w in words if w["text"].startswith("holds ")]
        assert len(holds) == 2, words
        for word in words:
            assert box["x"] <= word["left"] and word["right"] <= box["x"] + box["width"], word
            assert word["size"] >= 9, word  # px on the screen
        arrows = narrow.locator("g.tl-cycle .tl-arc")
        assert arrows.count() == 2
        for arrow in arrows.all():
            arc = arrow.bounding_box()
            assert box["x"] <= arc["x"] and arc["x"] + arc["width"] <= box["x"] + box["width"]
    finally:
        page.set_viewport_size(size)


INTERACTION = """svg => {
    const xs = [];
    for (const lane of svg.querySelectorAll('.tl-lane--deadlocked')) {
        for (const mark of lane.querySelectorAll('.tl-start, .tl-band')) {
            const box = mark.getBoundingClientRect();
            xs.push(box.left, mark.classList.contains('tl-band') ? box.left : box.right);
        }
    }
    const width = svg.getBoundingClientRect().width;
    return {span: Math.max(...xs) - Math.min(...xs), width,
            share: (Math.max(...xs) - Math.min(...xs)) / width};
}"""


def test_a_deadlock_highlights_the_cycle_on_the_timeline(example_pages, site_dir) -> None:
    driver = open_block(example_pages, site_dir, DEADLOCK)
    assert driver.run(timeout=30) == "deadlocked", driver.output
    timeline = timeline_of(driver)
    assert "3 threads" in timeline.locator("summary").inner_text()
    deadlocked = timeline.locator("svg.tl--wide g.tl-lane.tl-lane--deadlocked")
    # the two transfer threads wait for each other; the main thread only joins one of them
    assert deadlocked.count() == 2
    assert "MainThread" not in [
        lane.locator("text.tl-name").first.text_content() for lane in deadlocked.all()
    ]
    assert timeline.locator("svg.tl--wide g.tl-cycle").count() >= 1
    assert timeline.locator("svg.tl--wide .tl-wait--lock").count() >= 2
    # the threads' interaction, not the main thread's start, fills the figure: from the
    # first mark of a deadlocked thread to where it begins to wait forever
    svg = timeline.locator("svg.tl--wide")
    span = svg.evaluate(INTERACTION)
    assert span["share"] >= 0.3, span  # it was 0.04-0.06 (25-35 px) with a linear axis


def test_a_plain_program_shows_no_timeline_and_each_run_clears_the_last(
    example_pages, site_dir
) -> None:
    driver = open_block(example_pages, site_dir, GATHER)
    assert driver.run(timeout=60) == "finished"
    assert driver.root.locator("details.guide-runner__timeline").is_visible()
    driver.set_code('print("no threads, no tasks")\n')
    assert driver.run(timeout=30) == "finished"
    assert driver.output == "no threads, no tasks\n"
    assert not driver.root.locator("details.guide-runner__timeline").is_visible()
    assert driver.root.locator("svg.tl").count() == 0
    driver.button("reset").click()


def test_a_long_run_keeps_the_first_and_last_events_and_says_so(example_pages, site_dir) -> None:
    driver = open_block(example_pages, site_dir, GATHER)
    # two tasks pass a ball through two queues: each pass is a wait, a wake and a run
    driver.set_code(
        textwrap.dedent(
            """\
            import asyncio

            async def ping(inbox, outbox, n):
                for _ in range(n):
                    await outbox.put(await inbox.get())

            async def main():
                a, b = asyncio.Queue(), asyncio.Queue()
                a.put_nowait("ball")
                await asyncio.gather(ping(a, b, 2500), ping(b, a, 2500))
                print("done")

            asyncio.run(main())
            """
        )
    )
    try:
        assert driver.run(timeout=60) == "finished", driver.output
        timeline = timeline_of(driver)
        note = timeline.locator(".guide-runner__timeline-note")
        assert note.is_visible()
        match = re.fullmatch(
            r"A long run: the first and last ([\d,]+) events are shown; ([\d,]+) in between "
            r"were not kept\.",
            note.inner_text(),
        )
        assert match, note.inner_text()
        kept, dropped = (int(group.replace(",", "")) for group in match.groups())
        total = int(
            re.search(r"([\d,]+) events", timeline.locator("summary").inner_text())[1].replace(
                ",", ""
            )
        )
        assert dropped > 0 and total == 2 * kept + dropped
    finally:
        driver.button("reset").click()
