"""asyncio.wait with FIRST_COMPLETED: ask three mirrors, keep the first answer, cancel the rest."""

import asyncio

MIRRORS = {"mirror-eu": 0.06, "mirror-us": 0.02, "mirror-asia": 0.09}


async def download_from(mirror: str, seconds: float) -> str:
    await asyncio.sleep(seconds)
    return f"package.tar.gz from {mirror}"


async def main() -> None:
    tasks = {asyncio.create_task(download_from(m, s), name=m) for m, s in MIRRORS.items()}
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("first:", done.pop().result())
    print("still pending:", sorted(task.get_name() for task in pending))
    for task in pending:
        task.cancel()  # wait() never cancels anything itself
    await asyncio.wait(pending)  # let the cancellations finish
    print("cancelled:", sorted(t.get_name() for t in pending if t.cancelled()))

    slow = asyncio.create_task(download_from("mirror-asia", 0.09))
    done, pending = await asyncio.wait({slow}, timeout=0.03)
    print(f"after a 30 ms timeout: {len(done)} done, {len(pending)} pending (not cancelled)")
    print(await slow)


if __name__ == "__main__":
    asyncio.run(main())
