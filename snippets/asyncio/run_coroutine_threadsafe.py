"""Synchronous code drives an event loop that runs in another thread: run_coroutine_threadsafe."""

import asyncio
import threading


async def fetch_price(item: str) -> float:
    await asyncio.sleep(0.02)  # an async client library doing its I/O
    return {"apple": 0.5, "pear": 0.75}[item]


def start_background_loop() -> tuple[asyncio.AbstractEventLoop, threading.Thread]:
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, name="event-loop", daemon=True)
    thread.start()
    return loop, thread


if __name__ == "__main__":  # plain synchronous code: no async def anywhere below
    loop, thread = start_background_loop()
    for item in ("apple", "pear"):
        future = asyncio.run_coroutine_threadsafe(fetch_price(item), loop)
        print(f"{item}: {future.result(timeout=1):.2f}")  # a concurrent.futures.Future

    future = asyncio.run_coroutine_threadsafe(fetch_price("plum"), loop)
    try:
        future.result(timeout=1)
    except KeyError as error:  # exceptions travel back to the calling thread
        print("plum: KeyError", error)

    loop.call_soon_threadsafe(loop.stop)  # the only safe way to touch the loop from outside
    thread.join()
    loop.close()
    print("loop stopped and closed")
