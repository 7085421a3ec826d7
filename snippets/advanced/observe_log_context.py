# /// script
# requires-python = ">=3.12"
# [tool.guide]
# varies = "the order of the lines and which worker thread serves which request"
# check = "property"
# ///
"""Thread name, task name and a request id on every log line, even across asyncio.to_thread."""

import asyncio
import contextvars
import logging
import time

request_id = contextvars.ContextVar("request_id", default="-")
log = logging.getLogger("shop")


class AddRequestId(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request = request_id.get()  # the context of whoever logs
        return True


def load_from_disk(item: str) -> str:
    log.info("reading %s", item)  # runs in a worker thread, not in a task
    time.sleep(0.02)
    return item.upper()


async def handle(number: int, item: str) -> None:
    request_id.set(f"req-{number}")  # each task has its own copy of the context
    log.info("start")
    data = await asyncio.to_thread(load_from_disk, item)  # copies the context along
    log.info("got %s", data)


async def main() -> None:
    async with asyncio.TaskGroup() as group:
        group.create_task(handle(1, "apples"), name="handler-1")
        group.create_task(handle(2, "pears"), name="handler-2")


if __name__ == "__main__":
    handler = logging.StreamHandler()
    handler.addFilter(AddRequestId())
    handler.setFormatter(
        logging.Formatter("%(threadName)-10s %(taskName)-9s %(request)-5s %(message)s")
    )
    logging.basicConfig(handlers=[handler], level=logging.INFO)
    asyncio.run(main())
