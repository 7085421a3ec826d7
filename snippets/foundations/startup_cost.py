# /// script
# [tool.guide]
# retries = 4  # the check compares measured times, which a briefly busy machine upsets
# varies = "the costs with the machine and its load; a task is always far cheaper than a thread, a thread than a process, and spawn the dearest start method"
# check = "property"
# ///
"""What it costs to start and finish a task, a thread and a process (each start method)."""

import asyncio
import multiprocessing
import threading
import time

try:
    from concurrent import interpreters  # Python 3.14 and later
except ImportError:
    interpreters = None

ROUNDS = 5  # take turns and keep each way's best: a busy moment only slows a batch down


def nothing() -> None:
    pass


async def nothing_async() -> None:
    pass


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


def subinterpreters(count: int) -> None:
    for _ in range(count):
        interpreter = interpreters.create()
        interpreter.exec("pass")
        interpreter.close()


def processes(method: str):
    context = multiprocessing.get_context(method)

    def start_and_join(count: int) -> None:
        for _ in range(count):
            process = context.Process(target=nothing)
            process.start()
            process.join()

    return start_and_join


def seconds(start_and_finish, count: int) -> float:
    start = time.perf_counter()
    start_and_finish(count)
    return (time.perf_counter() - start) / count


def readable(each: float) -> str:
    return f"{each * 1e6:,.0f} µs" if each < 1e-3 else f"{each * 1e3:,.1f} ms"


if __name__ == "__main__":
    server = seconds(processes("forkserver"), 1)  # the first one also starts the server
    ways = {  # what to start: (how, how many in one batch)
        "asyncio task": (tasks, 500),
        "thread": (threads, 50),
        "interpreter (3.14)": (subinterpreters, 10),
        "process (fork)": (processes("fork"), 4),
        "process (forkserver)": (processes("forkserver"), 4),
        "process (spawn)": (processes("spawn"), 2),
    }
    if interpreters is None:
        del ways["interpreter (3.14)"]
    best = dict.fromkeys(ways, float("inf"))
    for _ in range(ROUNDS):
        for label, (how, count) in ways.items():
            best[label] = min(best[label], seconds(how, count))
    print(f"start and finish one (best of {ROUNDS} rounds, taking turns)")
    for label, each in best.items():
        print(f"  {label:<22}{readable(each):>10}")
    print(f"the first forkserver process, which starts the server: {readable(server)}")
    print(f"default start method here: {multiprocessing.get_start_method()}")
