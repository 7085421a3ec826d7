# /// script
# dependencies = ["gevent"]
# ///
"""Two threads, each running its own asyncio event loop: fine with real threads, broken once
gevent has turned the threads into greenlets of one operating-system thread."""

import sys

if "--plain" not in sys.argv:
    from gevent import monkey

    monkey.patch_all()

import asyncio
import subprocess
import threading


async def poll(name: str) -> str:
    await asyncio.sleep(0.1)  # waits in the loop's selector: another thread may run meanwhile
    return f"{name}: its event loop ran to the end"


def own_loop(name: str, results: dict[str, str]) -> None:
    coroutine = poll(name)
    try:
        results[name] = asyncio.run(coroutine)
    except RuntimeError as error:
        coroutine.close()  # never started: close it, or Python warns that it was never awaited
        results[name] = f"{name}: RuntimeError: {error}"


def two_loops() -> None:
    results: dict[str, str] = {}
    threads = [threading.Thread(target=own_loop, args=(n, results)) for n in ("A", "B")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for name in sorted(results):
        print("  " + results[name])


if __name__ == "__main__":
    if "--plain" in sys.argv:
        two_loops()
    else:
        print("without gevent (this program, run again without patching):")
        plain = [sys.executable, __file__, "--plain"]
        print(subprocess.run(plain, capture_output=True, text=True, check=True).stdout, end="")
        print("after monkey.patch_all():")
        two_loops()
