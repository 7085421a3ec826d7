"""Three ways to turn on asyncio's debug mode, each checked in a fresh interpreter."""

import os
import subprocess
import sys

CHILD = """
import asyncio

async def main():
    return asyncio.get_running_loop().get_debug()

print(asyncio.run(main(), debug={debug}))
"""


def debug_mode(*options: str, debug: bool | None = None, **env: str) -> str:
    """Run CHILD with these interpreter options and environment; report the loop's mode."""
    command = [sys.executable, *options, "-c", CHILD.format(debug=debug)]
    child = subprocess.run(
        command, env={**os.environ, **env}, capture_output=True, text=True, check=True
    )
    return child.stdout.strip()


if __name__ == "__main__":
    print("asyncio.run(main()):             ", debug_mode())
    print("asyncio.run(main(), debug=True): ", debug_mode(debug=True))
    print("PYTHONASYNCIODEBUG=1:            ", debug_mode(PYTHONASYNCIODEBUG="1"))
    print("python -X dev (development mode):", debug_mode("-X", "dev"))
