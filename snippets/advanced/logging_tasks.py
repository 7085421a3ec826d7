# /// script
# requires-python = ">=3.12"
# [tool.guide]
# varies = "the order in which the tasks' lines interleave"
# check = "lines-any-order"
# ///
"""Logging from asyncio tasks: %(taskName)s (Python 3.12+) says which task wrote each line."""

import asyncio
import logging

log = logging.getLogger("crawler")


async def crawl(pages: list[str]) -> None:
    for page in pages:
        await asyncio.sleep(0.01)
        log.info("fetched %s", page)


async def main() -> None:
    log.info("starting")  # inside asyncio.run's main task: "Task-1"
    async with asyncio.TaskGroup() as group:
        group.create_task(crawl(["/", "/about"]), name="crawler-a")  # name your tasks
        group.create_task(crawl(["/blog"]), name="crawler-b")
    log.info("done")


if __name__ == "__main__":
    logging.basicConfig(format="%(taskName)-9s %(message)s", level=logging.INFO)
    log.info("outside any task")  # taskName is None here
    asyncio.run(main())
