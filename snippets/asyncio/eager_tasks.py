# /// script
# requires-python = ">=3.12"
# ///
"""Eager tasks (3.12) start running inside create_task; a cache hit never goes to the loop."""

import asyncio

CACHE = {"alice": "admin"}


async def role_of(user: str) -> str:
    print(f"  role_of({user!r}) starts")
    if user in CACHE:
        return CACHE[user]  # finished without ever suspending
    await asyncio.sleep(0.01)  # a cache miss: ask the database
    CACHE[user] = "reader"
    return CACHE[user]


async def main() -> None:
    for user in ("alice", "bob"):
        task = asyncio.create_task(role_of(user))
        print(f"  create_task returned; done: {task.done()}")
        print(f"  {user} is {await task}")


if __name__ == "__main__":
    print("default task factory:")
    asyncio.run(main())
    CACHE.pop("bob")
    print("eager_task_factory:")
    with asyncio.Runner() as runner:
        runner.get_loop().set_task_factory(asyncio.eager_task_factory)
        runner.run(main())
