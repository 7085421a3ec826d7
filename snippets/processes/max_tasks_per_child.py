# /// script
# [tool.guide]
# varies = "which worker process runs which task"
# check = "property"
# timeout = 20
# ///
"""Replace each worker after a few tasks: Pool(maxtasksperchild=), ProcessPoolExecutor(max_tasks_per_child=)."""

import multiprocessing
import os
from collections import Counter
from concurrent.futures import ProcessPoolExecutor


def whoami(task: int) -> int:
    return os.getpid()


def report(label: str, pids: list[int]) -> None:
    per_worker = sorted(Counter(pids).values(), reverse=True)
    print(
        f"{label}: {len(pids)} tasks ran in {len(per_worker)} processes, tasks per process {per_worker}"
    )


if __name__ == "__main__":
    # A worker that leaks memory or holds on to resources is replaced by a fresh one.
    with multiprocessing.Pool(processes=2, maxtasksperchild=3) as pool:
        report("Pool", pool.map(whoami, range(12), chunksize=1))  # a chunk counts as one task

    # New in 3.11; it needs a start method other than fork (spawn is chosen when none is given).
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=2, mp_context=context, max_tasks_per_child=1) as executor:
        report("ProcessPoolExecutor", list(executor.map(whoami, range(4))))
