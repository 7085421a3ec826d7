# /// script
# requires-python = ">=3.14"
# ///
"""The policy system is deprecated (3.14, removal planned for 3.16): choose a loop with loop_factory."""

import asyncio
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

OLD_CODE = """\
import asyncio

class MyLoop(asyncio.SelectorEventLoop):
    pass

class MyPolicy(asyncio.DefaultEventLoopPolicy):
    def new_event_loop(self):
        return MyLoop()

async def main():
    print("old code runs on", type(asyncio.get_running_loop()).__name__)

asyncio.set_event_loop_policy(MyPolicy())
asyncio.run(main())
"""


class MyLoop(asyncio.SelectorEventLoop):
    pass


async def main() -> str:
    return type(asyncio.get_running_loop()).__name__


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "old_code.py"
        script.write_text(OLD_CODE)
        old = subprocess.run([sys.executable, script], capture_output=True, text=True)
    print(old.stdout.strip())
    print("and prints on stderr:")
    for line in old.stderr.replace(folder + "/", "").splitlines():
        print(f"  {line}")

    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)  # would fail on a deprecated call
        print(
            f"asyncio.run(main(), loop_factory=MyLoop) runs on {asyncio.run(main(), loop_factory=MyLoop)}"
        )
        with asyncio.Runner(loop_factory=MyLoop) as runner:
            print(f"asyncio.Runner(loop_factory=MyLoop) runs on {runner.run(main())}")
        print(f"asyncio.run(main()) runs on the default, {asyncio.run(main())}")
