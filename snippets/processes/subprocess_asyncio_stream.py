# /// script
# [tool.guide]
# varies = "the times, and how the two children's lines interleave"
# check = "property"
# ///
"""asyncio runs two programs at once and handles each line of their output as soon as it arrives."""

import asyncio
import sys
import time

# The child prints a numbered line every `pause` seconds; flush=True sends each one at once.
CHILD = """
import sys, time
count, pause = int(sys.argv[1]), float(sys.argv[2])
for n in range(1, count + 1):
    time.sleep(pause)
    print(f"line {n} of {count}", flush=True)
"""


async def follow(name: str, count: int, pause: float, start: float) -> int:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", CHILD, str(count), str(pause), stdout=asyncio.subprocess.PIPE
    )
    async for raw in process.stdout:  # one line at a time, while the child is still running
        print(f"{time.perf_counter() - start:5.2f} s  {name}: {raw.decode().strip()}")
    return await process.wait()  # the output has ended; collect the exit status


async def main() -> None:
    start = time.perf_counter()
    async with asyncio.TaskGroup() as group:
        slow = group.create_task(follow("slow", 3, 0.6, start))
        quick = group.create_task(follow("quick", 4, 0.25, start))
    print(f"exit codes: slow {slow.result()}, quick {quick.result()}")
    print(f"both finished after {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    asyncio.run(main())
