# /// script
# [tool.guide]
# varies = "the order in which the two workers report"
# check = "property"
# ///
"""Ctrl-C reaches every process of the group: let only the parent handle it, then terminate()."""

import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import time


def start_worker(started: multiprocessing.Queue, ignore_ctrl_c: bool) -> None:
    global STARTED
    STARTED = started
    if ignore_ctrl_c:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent will decide what to do
    else:
        sys.stderr = open(os.devnull, "w")  # hides the traceback each dying worker prints


def slow_square(n: int) -> int:
    STARTED.put(n)
    try:
        time.sleep(0.5)
    except KeyboardInterrupt:
        print(f"  a worker: KeyboardInterrupt in the middle of task {n}\n", end="", flush=True)
        raise
    return n * n


def run(ignore_ctrl_c: bool) -> None:
    started = multiprocessing.Queue()
    with multiprocessing.Pool(2, start_worker, (started, ignore_ctrl_c)) as pool:
        result = pool.map_async(slow_square, range(8))
        workers = multiprocessing.active_children()
        started.get(), started.get()  # both workers are inside a task now
        time.sleep(0.05)
        try:  # what the terminal does on Ctrl-C: SIGINT to every process in the group
            for worker in workers:
                os.kill(worker.pid, signal.SIGINT)
            os.kill(os.getpid(), signal.SIGINT)
            result.get(timeout=5)
        except KeyboardInterrupt:
            time.sleep(1)  # give them a second to end, then look at their sentinels: not
            # join(), as the pool's own thread polls them too and two pollers race (3.14+)
            ended = multiprocessing.connection.wait([w.sentinel for w in workers], 0)
            alive = len(workers) - len(ended)
            print(f"  parent: KeyboardInterrupt; a second later {alive} workers are alive")
            pool.terminate()  # what leaving the with block would do anyway
        codes = sorted(worker.exitcode for worker in workers)
        print(f"  the workers' exit codes after terminate(): {codes}")


if __name__ == "__main__":
    print("default workers:")
    run(ignore_ctrl_c=False)
    print("workers that ignore SIGINT:")
    run(ignore_ctrl_c=True)
