"""A second Ctrl-C during the clean-up raises KeyboardInterrupt at once, whatever is awaited."""

import asyncio
import os
import signal


def press_ctrl_c_in(seconds: float) -> None:
    asyncio.get_running_loop().call_later(seconds, os.kill, os.getpid(), signal.SIGINT)


async def main() -> None:
    press_ctrl_c_in(0.1)
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("first Ctrl-C: the main task is cancelled; saving, which takes a second...")
        press_ctrl_c_in(0.1)  # an impatient user presses again
        try:
            await asyncio.sleep(1)  # stands for a slow save
            print("saved")  # never reached
        finally:
            print("the save was cut short")
        raise


if __name__ == "__main__":
    runner = asyncio.Runner()
    try:
        runner.run(main())
    except KeyboardInterrupt:
        print("second Ctrl-C: KeyboardInterrupt raised straight out of the event loop")
    finally:
        runner.close()  # cancels what is left, as asyncio.run() does
    print("the runner is closed")
