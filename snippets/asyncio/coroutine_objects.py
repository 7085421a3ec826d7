"""Calling an async def function runs none of its body: it returns a coroutine object to drive."""

import asyncio
import inspect


async def greet(name: str) -> str:
    print(f"  greet({name!r}) starts")
    await asyncio.sleep(0)  # suspends once, handing control to whoever drives the coroutine
    print(f"  greet({name!r}) resumes")
    return f"hello, {name}"


async def main() -> None:
    coroutine = greet("event loop")
    print("created:", type(coroutine).__name__, "- nothing has run yet")
    print("result:", await coroutine)  # the running loop drives it to the end


if __name__ == "__main__":
    coroutine = greet("by hand")
    print("is a coroutine:", inspect.iscoroutine(coroutine))
    print("first send() runs to the await and yields:", coroutine.send(None))
    try:
        coroutine.send(None)
    except StopIteration as stop:  # how a coroutine returns, exactly like a generator
        print("second send() finishes; StopIteration carries:", repr(stop.value))
    asyncio.run(main())
