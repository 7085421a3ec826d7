"""Cleanup that awaits can itself be cancelled; a shielded task lets it finish anyway."""

import asyncio


class Connection:
    def __init__(self, careful: bool) -> None:
        self.careful, self.log = careful, []

    async def close(self) -> None:
        try:
            await asyncio.sleep(0.03)  # tell the server goodbye, wait for its answer
            self.log.append("closed cleanly")
        except asyncio.CancelledError:
            self.log.append("close() cut off halfway")
            raise

    async def __aenter__(self) -> "Connection":
        return self

    async def __aexit__(self, *exc_info) -> None:
        if not self.careful:
            await self.close()  # a second cancel() lands here
            return
        closing = asyncio.create_task(self.close())
        cancelled = False
        while not closing.done():
            try:
                await asyncio.shield(closing)  # cancelling us does not cancel the close
            except asyncio.CancelledError:
                cancelled = True  # remember it, finish the cleanup first
        if cancelled and exc_info[0] is None:
            raise asyncio.CancelledError  # then pass the cancellation on


async def session(connection: Connection) -> None:
    async with connection:
        await asyncio.sleep(3600)  # serving a client


async def main() -> None:
    for careful in (False, True):
        connection = Connection(careful)
        task = asyncio.create_task(session(connection))
        await asyncio.sleep(0.01)
        task.cancel()  # shutting down: __aexit__ starts closing
        await asyncio.sleep(0.01)
        task.cancel()  # an impatient second request, while close() runs
        await asyncio.gather(task, return_exceptions=True)
        print(
            f"{'shielded' if careful else 'plain   '} __aexit__: {connection.log}, task cancelled: {task.cancelled()}"
        )


if __name__ == "__main__":
    asyncio.run(main())
