# /// script
# dependencies = ["anyio"]
# ///
"""AnyIO cancel scopes: move_on_after, fail_after, cancelling a scope, and a shielded cleanup."""

import anyio


async def main() -> None:
    with anyio.move_on_after(0.02) as scope:  # give up quietly
        await anyio.sleep(1)
    print("move_on_after: cancelled_caught =", scope.cancelled_caught)

    try:
        with anyio.fail_after(0.02):  # give up with TimeoutError
            await anyio.sleep(1)
    except TimeoutError:
        print("fail_after: TimeoutError")

    async with anyio.create_task_group() as group:
        group.start_soon(anyio.sleep, 1)
        group.start_soon(anyio.sleep, 1)
        await anyio.sleep(0.01)
        group.cancel_scope.cancel()  # cancels every task in the group, and the block's body
    print("a task group's scope was cancelled: the block ended at once")

    with anyio.move_on_after(0.01):
        try:
            await anyio.sleep(1)
        finally:
            with anyio.CancelScope(shield=True):  # cleanup that must not be cut short
                await anyio.sleep(0.02)
                print("shielded cleanup finished although its scope was cancelled")


if __name__ == "__main__":
    anyio.run(main)
