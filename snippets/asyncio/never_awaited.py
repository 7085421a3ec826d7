"""Forgetting await: the coroutine never runs, and Python warns only when it is thrown away."""

import asyncio

saved: list[str] = []


async def save(record: str) -> None:
    await asyncio.sleep(0.01)
    saved.append(record)


async def main() -> None:
    save("first")  # a bug: makes a coroutine object and drops it
    await save("second")
    print("saved:", saved)


if __name__ == "__main__":
    asyncio.run(main())
