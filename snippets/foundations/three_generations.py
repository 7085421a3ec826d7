"""One job, three generations of API: Thread objects, an executor, and a TaskGroup."""

import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor

PAGES = {"home": 0.1, "about": 0.1, "news": 0.1}  # simulated download times
SUM_OF_WAITS = sum(PAGES.values())


def fetch(page: str) -> str:
    time.sleep(PAGES[page])
    return page.upper()


def with_thread_objects() -> list[str]:  # threading, since the 1990s
    results: dict[str, str] = {}

    def worker(page: str) -> None:
        results[page] = fetch(page)

    threads = [threading.Thread(target=worker, args=(page,)) for page in PAGES]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [results[page] for page in PAGES]


def with_an_executor() -> list[str]:  # concurrent.futures, Python 3.2
    with ThreadPoolExecutor() as pool:
        return list(pool.map(fetch, PAGES))


async def fetch_async(page: str) -> str:
    await asyncio.sleep(PAGES[page])
    return page.upper()


async def with_a_task_group() -> list[str]:  # asyncio.TaskGroup, Python 3.11
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(fetch_async(page)) for page in PAGES]
    return [task.result() for task in tasks]


if __name__ == "__main__":
    for label, run in [
        ("Thread objects", with_thread_objects),
        ("executor", with_an_executor),
        ("TaskGroup", lambda: asyncio.run(with_a_task_group())),
    ]:
        start = time.perf_counter()
        results = run()
        overlapped = time.perf_counter() - start < SUM_OF_WAITS * 0.8
        print(f"{label:<15} {results}  waits overlapped: {overlapped}")
