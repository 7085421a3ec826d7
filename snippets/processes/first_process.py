# /// script
# [tool.guide]
# varies = "the process ids"
# check = "property"
# ///
"""Start a child process with arguments, wait for it, and read what it left behind."""

import multiprocessing
import os


def greet(name: str, times: int) -> None:
    parent = multiprocessing.parent_process()  # the process that called start()
    for _ in range(times):
        print(f"child  pid={os.getpid()} parent={parent.pid}: hello, {name}")


if __name__ == "__main__":
    print(f"parent pid={os.getpid()}")
    child = multiprocessing.Process(target=greet, args=("world", 2), name="greeter")
    print(f"created:         alive={child.is_alive()} pid={child.pid} exitcode={child.exitcode}")
    child.start()
    alive, pid = (
        child.is_alive(),
        child.pid,
    )  # printed later, so as not to mix with the child's lines
    child.join()
    print(f"after start():   alive={alive} pid={pid} name={child.name!r}")
    print(f"after join():    alive={child.is_alive()} exitcode={child.exitcode}")
