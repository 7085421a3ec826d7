# /// script
# [tool.guide]
# varies = "the timings depend on the machine"
# check = "property"
# ///
"""What starting a process costs with each start method (start, then join, a child that does nothing)."""

import multiprocessing
import time

ROUNDS = 5


def nothing() -> None:
    pass


def start_and_join(context: multiprocessing.context.BaseContext) -> float:
    start = time.perf_counter()
    process = context.Process(target=nothing)
    process.start()
    process.join()
    return (time.perf_counter() - start) * 1000


if __name__ == "__main__":
    print(f"{'method':<11}{'first':>9}{'then each':>12}")
    for method in ("fork", "spawn", "forkserver"):
        context = multiprocessing.get_context(method)
        first = start_and_join(context)  # forkserver starts its server here
        rest = sorted(start_and_join(context) for _ in range(ROUNDS))
        print(f"{method:<11}{first:>6.1f} ms{rest[ROUNDS // 2]:>9.1f} ms")
