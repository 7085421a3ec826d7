"""The same debounce-and-merge pipeline in plain asyncio: tasks joined by queues. Run on a
loop whose clock jumps to the next timer, so the times are exact (times in ms)."""

import asyncio
import selectors

# --8<-- [start:pipeline]
DONE, QUIET = object(), object()  # end of a stream, a quiet period
TYPING = [(210, "r"), (240, "re"), (270, "rea"), (520, "rx"), (700, "rxp"), (720, "rxpy")]
REFRESH = [(450, "refresh")]


async def feed(events: list, ends_at: int, out: asyncio.Queue) -> None:
    loop = asyncio.get_running_loop()
    for at, value in [*events, (ends_at, DONE)]:
        await asyncio.sleep(at / 1000 - loop.time())
        await out.put(value)


async def debounce(source: asyncio.Queue, out: asyncio.Queue, quiet: float) -> None:
    latest = last_sent = None
    while True:
        try:
            # with nothing pending, wait as long as it takes; else only `quiet` seconds
            item = await asyncio.wait_for(source.get(), None if latest is None else quiet)
        except TimeoutError:
            item = QUIET  # no new value for `quiet` seconds
        if item is QUIET or item is DONE:  # pass on the latest value, unless a repeat
            if latest is not None and latest != last_sent:
                await out.put(f"search {latest!r}")
                last_sent = latest
            latest = None
        if item is DONE:
            await out.put(DONE)
            return
        if item is not QUIET:
            latest = item


async def again(source: asyncio.Queue, out: asyncio.Queue) -> None:
    while await source.get() is not DONE:
        await out.put("search again")
    await out.put(DONE)


async def main() -> None:
    typed, clicks, merged = asyncio.Queue(), asyncio.Queue(), asyncio.Queue()
    async with asyncio.TaskGroup() as tasks:
        tasks.create_task(feed(TYPING, 900, typed))
        tasks.create_task(feed(REFRESH, 950, clicks))
        tasks.create_task(debounce(typed, merged, quiet=0.100))
        tasks.create_task(again(clicks, merged))  # both stages write to one queue: merge
        for _ in range(2):  # until both streams have ended
            while (item := await merged.get()) is not DONE:
                print(f"t={asyncio.get_running_loop().time() * 1000:4.0f}  {item}")
    print(f"t={asyncio.get_running_loop().time() * 1000:4.0f}  (completed)")


# --8<-- [end:pipeline]
# --8<-- [start:clock]
class JumpingSelector(selectors.DefaultSelector):
    """When nothing is ready, jump the clock to the next timer instead of waiting."""

    now = 0.0

    def select(self, timeout: float | None = None) -> list:
        ready = super().select(0 if timeout else timeout)
        if not ready and timeout:
            self.now += timeout
        return ready


class VirtualClockLoop(asyncio.SelectorEventLoop):
    def __init__(self) -> None:
        self.jumping = JumpingSelector()
        super().__init__(self.jumping)

    def time(self) -> float:
        return self.jumping.now


# --8<-- [end:clock]


if __name__ == "__main__":
    with asyncio.Runner(loop_factory=VirtualClockLoop) as runner:
        runner.run(main())
