# /// script
# requires-python = ">=3.12"
# ///
"""sys.monitoring (3.12+) on asyncio: how many steps each task takes, and in which coroutine."""

import asyncio
import inspect
import sys
from collections import Counter

TOOL = sys.monitoring.PROFILER_ID
EVENTS = sys.monitoring.events
steps: Counter[tuple[str, str]] = Counter()


def on_step(code, offset):
    if code.co_filename != __file__ or not code.co_flags & inspect.CO_COROUTINE:
        return sys.monitoring.DISABLE
    task = asyncio.current_task()
    steps[task.get_name() if task else "-", code.co_name] += 1


async def fetch(delay: float) -> str:
    await asyncio.sleep(delay)
    return "page"


async def crawl(pages: int) -> None:
    for _ in range(pages):
        await fetch(0.01)


async def main() -> None:
    async with asyncio.TaskGroup() as group:
        group.create_task(crawl(2), name="crawler-a")
        group.create_task(crawl(4), name="crawler-b")


if __name__ == "__main__":
    sys.monitoring.use_tool_id(TOOL, "task-steps")
    for event in (EVENTS.PY_START, EVENTS.PY_RESUME):  # a coroutine starts or resumes
        sys.monitoring.register_callback(TOOL, event, on_step)
    sys.monitoring.set_events(TOOL, EVENTS.PY_START | EVENTS.PY_RESUME)
    asyncio.run(main())
    sys.monitoring.set_events(TOOL, 0)
    sys.monitoring.free_tool_id(TOOL)
    for (task, coroutine), count in sorted(steps.items()):
        print(f"{task:9} {coroutine:5} started or resumed {count} times")
