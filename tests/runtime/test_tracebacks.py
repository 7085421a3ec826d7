"""A failing program's traceback in the browser reads as CPython's would: shown once (in the
run's error, not also printed while it ran), from the reader's first frame on, without the
frames of the machinery a browser run adds (guide_runner, the timeline, Pyodide's event
loop, the simulated threads)."""

from __future__ import annotations

import re

import pytest

MACHINERY = re.compile(r"guide_runner|guide/timeline/|webloop\.py|_pyodide|simthreads")

FAILING = {
    "asyncio": """
        import asyncio

        async def main():
            await asyncio.sleep(0)
            1 / 0

        asyncio.run(main())
    """,
    "asyncio-task": """
        import asyncio

        async def divide():
            return 1 / 0

        async def main():
            await asyncio.create_task(divide())

        asyncio.run(main())
    """,
    "threads": """
        import threading

        lock = threading.Lock()

        def worker():
            lock.release()  # never acquired

        thread = threading.Thread(target=worker)
        thread.start()
        thread.join()
        1 / 0
    """,
    "lock-release": """
        import threading

        threading.Lock().release()
    """,
}


@pytest.mark.parametrize("name", list(FAILING))
def test_a_traceback_is_shown_once_and_only_with_the_readers_frames(pyodide, name) -> None:
    result = pyodide.run(FAILING[name], filename="snippets/demo.py", needs="threads asyncio")
    assert result.status == "failed", f"{result.status}: {result.error}\n{result.output}"
    error = result.error
    assert error.startswith('Traceback (most recent call last):\n  File "snippets/demo.py"'), error
    assert not MACHINERY.search(error), error
    printed = result.output
    if name == "threads":  # the thread's own exception is printed by threading.excepthook
        assert printed.count("Traceback") == 1 and "RuntimeError" in printed, printed
    else:
        assert "Traceback" not in printed, f"printed while it ran:\n{printed}"


def test_the_readers_frames_between_asyncio_and_the_runner_stay(pyodide) -> None:
    result = pyodide.run(FAILING["asyncio-task"], filename="snippets/demo.py", needs="asyncio")
    frames = re.findall(r'File "([^"]+)", line \d+, in (\S+)', result.error)
    readers = [function for file, function in frames if file == "snippets/demo.py"]
    assert readers == ["<module>", "main", "divide"], result.error
    assert frames[-1] == ("snippets/demo.py", "divide"), result.error
