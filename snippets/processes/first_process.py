# /// script
# [tool.guide]
# varies = "the process ids"
# check = "property"
# ///
"""Start a child process with arguments, wait for it, and read what it left behind."""

import multiprocessing
import os


def greet(name: str, times: int, go) -> None:
    go.wait()  # until the parent has looked at us: we could otherwise be done already
    parent = multiprocessing.parent_process()  # the process that called start()
    for _ in range(times):
        print(f"child  pid={os.getpid()} parent={parent.pid}: hello, {name}")


if __name__ == "__main__":
    print(f"parent pid={os.getpid()}")
    go = multiprocessing.Event()
    child = multiprocessing.Process(target=greet, args=("world", 2, go), name="greeter")
    print(f"created:         alive={child.is_alive()} pid={child.pid} exitcode={child.exitcode}")
    child.start()
    print(f"after start():   alive={child.is_alive()} pid={child.pid} name={child.name!r}")
    go.set()
    child.join()
    print(f"after join():    alive={child.is_alive()} exitcode={child.exitcode}")
