"""A Future bridges callback-style code and await: set_result wakes whoever awaits it."""

import asyncio


def lookup_with_callback(key: str, on_done) -> None:
    """A callback-style API, like many C libraries: it calls on_done(error, value) later."""
    loop = asyncio.get_running_loop()
    if key == "missing":
        loop.call_later(0.02, on_done, KeyError(key), None)
    else:
        loop.call_later(0.02, on_done, None, key.upper())


async def lookup(key: str) -> str:
    future = asyncio.get_running_loop().create_future()

    def on_done(error: Exception | None, value: str | None) -> None:
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(value)

    future.add_done_callback(lambda f: print(f"  callback: future for {key!r} is done"))
    lookup_with_callback(key, on_done)
    print(f"  future for {key!r} done yet? {future.done()}")
    return await future  # suspends until on_done resolves the future


async def main() -> None:
    print("result:", await lookup("answer"))
    try:
        await lookup("missing")
    except KeyError as error:
        print("raised:", repr(error))


if __name__ == "__main__":
    asyncio.run(main())
