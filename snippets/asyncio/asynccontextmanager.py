"""Async context managers: awaits on the way in and out, from a class or @asynccontextmanager."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager


class Connection:
    def __init__(self, name: str) -> None:
        self.name = name

    async def __aenter__(self) -> "Connection":
        await asyncio.sleep(0.01)  # the handshake
        print(f"  {self.name}: connected")
        return self

    async def __aexit__(self, exc_type, exc, tb) -> None:  # runs on errors too
        await asyncio.sleep(0.01)  # say goodbye politely
        print(f"  {self.name}: closed ({exc_type.__name__ if exc_type else 'no error'})")


@asynccontextmanager
async def transaction(connection: Connection) -> AsyncIterator[list[str]]:
    statements: list[str] = []
    print(f"  {connection.name}: BEGIN")
    try:
        yield statements
    except Exception:
        print(f"  {connection.name}: ROLLBACK")
        raise
    print(f"  {connection.name}: COMMIT {statements}")


async def main() -> None:
    async with Connection("db") as db, transaction(db) as tx:
        tx.append("INSERT 1")
    try:
        async with Connection("db") as db, transaction(db) as tx:
            tx.append("INSERT 2")
            raise ValueError("bad row")
    except ValueError as error:
        print("error after cleanup:", error)
    async with AsyncExitStack() as stack:  # as many as you need, closed in reverse order
        for name in ("replica-1", "replica-2"):
            await stack.enter_async_context(Connection(name))


if __name__ == "__main__":
    asyncio.run(main())
