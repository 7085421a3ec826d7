"""gather with return_exceptions=True collects errors as results; without it, siblings run on."""

import asyncio


async def job(name: str, seconds: float, fail: bool = False) -> str:
    await asyncio.sleep(seconds)
    if fail:
        raise RuntimeError(f"{name} failed")
    print(f"  {name} finished")
    return name


async def main() -> None:
    results = await asyncio.gather(
        job("a", 0.01), job("b", 0.02, fail=True), job("c", 0.03), return_exceptions=True
    )
    print("return_exceptions=True:", results)

    try:
        await asyncio.gather(job("d", 0.01), job("e", 0.02, fail=True), job("f", 0.04))
    except RuntimeError as error:
        print("without it, the first error is raised at once:", error)
    print("but f was not cancelled; waiting a little longer...")
    await asyncio.sleep(0.04)


if __name__ == "__main__":
    asyncio.run(main())
