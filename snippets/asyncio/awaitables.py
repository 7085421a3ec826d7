"""The awaitables: coroutines, Tasks, Futures, and any object whose __await__ returns an iterator."""

import asyncio
import inspect


async def double(x: int) -> int:
    await asyncio.sleep(0.01)
    return 2 * x


class Countdown:
    """Not a coroutine, yet awaitable: __await__ yields to the loop n times, then returns."""

    def __init__(self, n: int) -> None:
        self.n = n

    def __await__(self):
        for _ in range(self.n):
            yield from asyncio.sleep(0).__await__()
        return "lift-off"


async def main() -> None:
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    loop.call_later(0.02, future.set_result, "set by a timer callback")
    awaitables = {
        "coroutine": double(4),
        "Task": asyncio.create_task(double(21)),
        "Future": future,
        "Countdown": Countdown(3),
    }
    for kind, awaitable in awaitables.items():
        assert inspect.isawaitable(awaitable)
        print(f"{kind:>9}: {await awaitable!r}")


if __name__ == "__main__":
    asyncio.run(main())
