# /// script
# [tool.guide]
# retries = 4  # the check compares measured times, which a briefly busy machine upsets
# varies = "the costs with the machine and its load; a task is always far cheaper than a thread, and a thread than a process"
# check = "property"
# ///
"""What it costs to start and finish a task, a thread and a process that do nothing."""

import asyncio
import multiprocessing
import threading
import time


def nothing() -> None:
    pass


async def nothing_async() -> None:
    pass


def per_item(count: int, start_and_finish) -> float:
    """Microseconds for one, from the fastest of five batches (load only slows a batch)."""
    batches = []
    for _ in range(5):
        start = time.perf_counter()
        start_and_finish(count)
        batches.append(time.perf_counter() - start)
    return min(batches) / count * 1e6


def tasks(count: int) -> None:
    async def main() -> None:
        async with asyncio.TaskGroup() as group:
            for _ in range(count):
                group.create_task(nothing_async())

    asyncio.run(main())


def threads(count: int) -> None:
    for _ in range(count):
        thread = threading.Thread(target=nothing)
        thread.start()
        thread.join()


def processes(count: int) -> None:
    for _ in range(count):
        process = multiprocessing.Process(target=nothing)
        process.start()
        process.join()


if __name__ == "__main__":
    method = multiprocessing.get_start_method()
    for label, count, how in [
        ("asyncio task", 500, tasks),
        ("thread", 50, threads),
        (f"process ({method})", 2, processes),
    ]:
        print(f"{label:<16} {per_item(count, how):10,.0f} µs each")
