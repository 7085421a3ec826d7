"""An asyncio child that overruns its deadline is killed, and waited for, whatever happens."""

import asyncio
import sys

CHILD = """
import sys, time
print("started", flush=True)
time.sleep(float(sys.argv[1]))
print("finished", flush=True)
"""


async def run_with_deadline(seconds: float, deadline: float) -> str:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", CHILD, str(seconds), stdout=asyncio.subprocess.PIPE
    )
    try:
        async with asyncio.timeout(deadline):  # Python 3.11
            out, _ = await process.communicate()
        return f"{seconds} s job: {out.decode().split()} exit code {process.returncode}"
    except TimeoutError:
        return f"{seconds} s job: over the {deadline} s deadline"
    finally:  # runs on success, on timeout and on cancellation alike
        if process.returncode is None:
            process.kill()
            await process.wait()  # reap it: no zombie, and the transport closes cleanly
            print(f"  cleaned up the {seconds} s job: exit code {process.returncode}")


async def main() -> None:
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(run_with_deadline(s, deadline=2.0)) for s in (0.2, 30)]
    for task in tasks:
        print(task.result())


if __name__ == "__main__":
    asyncio.run(main())
