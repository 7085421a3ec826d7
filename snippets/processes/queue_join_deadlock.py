"""Joining a process before reading what it put on a Queue can wait forever: drain first, then join."""

import multiprocessing


def produce(results: multiprocessing.Queue) -> None:
    results.put("x" * 1_000_000)  # more than the pipe under the queue holds


if __name__ == "__main__":
    results = multiprocessing.Queue()
    child = multiprocessing.Process(target=produce, args=(results,))
    child.start()

    child.join(timeout=0.5)  # a plain join() here would never return
    print(f"join before get: still alive after 0.5 s: {child.is_alive()}")
    print("  (the child cannot exit until the parent reads the data it is flushing)")

    data = results.get(timeout=10)
    child.join(timeout=10)
    print(f"get, then join:  received {len(data):,} characters; child exit code {child.exitcode}")
