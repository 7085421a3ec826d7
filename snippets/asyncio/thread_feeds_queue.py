"""A worker thread hands results to coroutines with call_soon_threadsafe and an asyncio.Queue."""

import asyncio
import threading
import time


def scanner(loop: asyncio.AbstractEventLoop, results: asyncio.Queue) -> None:
    for barcode in ("4006381333931", "9780306406157", "5901234123457"):
        time.sleep(0.02)  # a blocking device read, in its own thread
        # asyncio objects are not thread-safe: ask the loop to call put_nowait for us
        loop.call_soon_threadsafe(results.put_nowait, barcode)
    loop.call_soon_threadsafe(results.put_nowait, None)  # no more barcodes


async def main() -> None:
    results: asyncio.Queue[str | None] = asyncio.Queue()
    loop = asyncio.get_running_loop()
    thread = threading.Thread(target=scanner, args=(loop, results))
    thread.start()
    while (barcode := await results.get()) is not None:
        print(f"scanned {barcode} (handled in thread {threading.current_thread().name})")
    await asyncio.to_thread(thread.join)  # join without blocking the loop


if __name__ == "__main__":
    asyncio.run(main())
