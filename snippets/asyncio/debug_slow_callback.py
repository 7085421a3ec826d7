# /// script
# [tool.guide]
# varies = "the time the blocking step took (always at least 0.1 s)"
# check = "numbers-masked"
# ///
"""Debug mode names the step that blocked the loop, through a warning on the asyncio logger."""

import asyncio
import logging
import re
import time


class Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.levelname}: {record.getMessage()}")


async def resize_images() -> None:
    await asyncio.sleep(0.01)
    time.sleep(0.1)  # blocks the loop: CPU work or a blocking call made by mistake


async def main() -> None:
    asyncio.get_running_loop().slow_callback_duration = 0.05  # the default is 0.1 s
    await asyncio.create_task(resize_images(), name="resize")


if __name__ == "__main__":
    collect = Collect()
    logging.getLogger("asyncio").addHandler(collect)  # where asyncio reports what it sees
    asyncio.run(main(), debug=True)
    for message in collect.messages:
        print(re.sub(r" created at \S+>", ">", message))  # drop the path into asyncio itself
