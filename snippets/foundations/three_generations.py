"""One job, three generations of API: Thread objects, an executor, and a TaskGroup."""

import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor

PAGES = {"home": 0.2, "about": 0.2, "news": 0.2}  # simulated download times


class InFlight:
    """Counts the waits under way, and the most there were at once."""

    def __init__(self) -> None:
        self.now = self.most = 0
        self.lock = threading.Lock()

    def __enter__(self) -> None:
        with self.lock:
            self.now += 1
            self.most = max(self.most, self.now)

    def __exit__(self, *exc) -> None:
        with self.lock:
            self.now -= 1


waits = InFlight()


def fetch(page: str) -> str:
    with waits:
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
    with waits:
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
        waits = InFlight()
        results = run()
        print(f"{label:<15} {results}  waits at the same time: {waits.most}")
