"""Drive runnable blocks the way a reader does: type, click, wait, read."""

from __future__ import annotations

from guide.checks import trim_lines

BLOCKS = '.guide-example[data-run="browser"]'
ENDED = """el => !el.classList.contains('guide-runner--running') && !!el.dataset.state"""
REVEAL = """el => {
    // Open the collapsed admonitions and select the tabs that hide the block.
    for (let node = el; node; node = node.parentElement) {
        if (node.tagName === 'DETAILS') node.open = true;
        if (node.classList.contains('tabbed-block')) {
            const index = [...node.parentElement.children].indexOf(node);
            const input = node.closest('.tabbed-set').querySelectorAll(':scope > input')[index];
            if (input && !input.checked) input.click();
        }
    }
}"""


class BlockDriver:
    """One runnable block of an open page."""

    def __init__(self, page, index: int = 0) -> None:
        self.page = page
        self.index = index
        self.root = page.locator(BLOCKS).nth(index)
        self.root.locator(".cm-content").wait_for(state="attached")
        if not self.root.is_visible():
            self.root.evaluate(REVEAL)
        self.root.locator(".cm-content").wait_for()

    def button(self, name: str):
        return self.root.locator(f".guide-runner__{name}")

    @property
    def editor(self):
        return self.root.locator(".cm-content")

    def set_code(self, code: str) -> None:
        """Replace the code as a reader would: select all in the editor, then type."""
        self.editor.click()
        self.page.keyboard.press("Control+A")
        self.page.keyboard.insert_text(code)

    @property
    def code(self) -> str:
        return self.page.evaluate("i => window.guideRunner.blocks[i].code", self.index)

    def start(self) -> None:
        """Click Run, and make sure the click reached the button. Rarely (about one run
        of the whole suite in ten, not reproduced by hand), Chromium loses a synthetic
        click on a long page: no click event reaches the button. Then it is clicked once
        more; a button that gets neither click fails here."""
        run = self.button("run")
        for _attempt in range(2):
            run.evaluate(
                "b => { b.dataset.clicked = 'no'; b.addEventListener("
                "'click', () => { b.dataset.clicked = 'yes'; }, {once: true, capture: true}); }"
            )
            run.click()
            if run.get_attribute("data-clicked") == "yes":
                return
        raise AssertionError("two clicks on Run never reached the button")

    def run(self, timeout: float = 60) -> str:
        """Click Run and wait for the run to end; the block's final state."""
        self.start()
        return self.wait(timeout)

    def wait(self, timeout: float = 60) -> str:
        self.page.wait_for_function(ENDED, arg=self.root.element_handle(), timeout=timeout * 1000)
        return self.state

    def wait_for_running_or_end(self, timeout: float = 60) -> str:
        self.page.wait_for_function(
            f"el => el.dataset.state === 'running' || ({ENDED})(el)",
            arg=self.root.element_handle(),
            timeout=timeout * 1000,
        )
        return self.state

    def wait_for_state(self, state: str, timeout: float = 30) -> None:
        self.page.wait_for_function(
            "([el, state]) => el.dataset.state === state",
            arg=[self.root.element_handle(), state],
            timeout=timeout * 1000,
        )

    def stop_and_time(self) -> tuple[str, float]:
        """Click Stop; the state it ends in and the milliseconds that took (in the page)."""
        return self.root.evaluate(
            """el => new Promise(resolve => {
                const start = performance.now();
                const done = () => !el.classList.contains('guide-runner--running');
                const observer = new MutationObserver(() => {
                    if (done()) {
                        observer.disconnect();
                        resolve([el.dataset.state, performance.now() - start]);
                    }
                });
                observer.observe(el, {attributes: true});
                el.querySelector('.guide-runner__stop').click();
            })"""
        )

    @property
    def state(self) -> str | None:
        return self.root.get_attribute("data-state")

    @property
    def limit(self) -> str | None:
        return self.root.get_attribute("data-limit")

    @property
    def output(self) -> str:
        return self.root.locator(".guide-runner__log").text_content() or ""

    @property
    def stderr(self) -> str:
        return "".join(self.root.locator(".guide-runner__stderr").all_text_contents())

    @property
    def status(self) -> str:
        return self.root.locator(".guide-runner__status").inner_text()

    @property
    def note(self) -> str:
        note = self.root.locator(".guide-runner__note")
        return note.inner_text() if note.is_visible() else ""


class PageCache:
    """One open page at a time in `context`, reused while tests stay on the same URL. It
    starts loading Pyodide as soon as the page's scripts ran, as a reader's hover would,
    and waits for it."""

    def __init__(self, context, base_url: str) -> None:
        self.context = context
        self.base_url = base_url
        self.url = None
        self.page = None
        self.errors: list[str] = []

    def open(self, path: str):
        if self.url != path:
            if self.page is not None:
                self.page.close()
            self.page = self.context.new_page()
            self.page.on("pageerror", lambda error: self.on_error(path, error))
            self.page.goto(self.base_url + path, wait_until="domcontentloaded")
            self.page.evaluate("() => { window.guideRunner?.interpreter.load().catch(() => {}); }")
            # Runs start on a settled page: timing-sensitive examples must not compete
            # with the page's own start-up for the two cores.
            self.page.wait_for_load_state("load")
            self.page.evaluate("() => window.guideRunner?.interpreter.load().then(() => true)")
            self.url = path
        return self.page

    def on_error(self, path: str, error) -> None:
        """Errors of the runner's scripts (others, e.g. a diagram's syntax, are not ours)."""
        if "/assets/runner/" in (error.stack or ""):
            self.errors.append(f"{path}: {error.stack}")


normalise = trim_lines  # what the browser prints has no repository or interpreter paths
