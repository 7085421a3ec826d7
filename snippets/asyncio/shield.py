"""shield keeps an operation running when the code awaiting it is cancelled or times out."""

import asyncio


async def save_order(order: int) -> int:
    try:
        await asyncio.sleep(0.05)  # a database write that must not be cut in half
    except asyncio.CancelledError:
        print(f"  order {order}: write cancelled halfway!")
        raise
    print(f"  order {order}: saved")
    return order


async def checkout(order: int, protect: bool) -> asyncio.Task:
    save = asyncio.create_task(save_order(order))
    try:
        async with asyncio.timeout(0.02):  # the client will not wait longer than this
            await (asyncio.shield(save) if protect else save)
    except TimeoutError:
        print(f"  order {order}: the client stopped waiting")
    return save


async def main() -> None:
    print("without shield:")
    save = await checkout(1, protect=False)
    print("  cancelled:", save.cancelled())
    print("with shield:")
    save = await checkout(2, protect=True)
    print("  still running:", not save.done())
    print("  result, awaited later:", await save)


if __name__ == "__main__":
    asyncio.run(main())
