# /// script
# [tool.guide]
# varies = "which worker process runs which task"
# check = "property"
# ///
"""max_tasks_per_child (Python 3.11) replaces a worker after it has run that many tasks."""

import os
from collections import Counter
from concurrent.futures import ProcessPoolExecutor


def whoami(task: int) -> int:
    return os.getpid()


if __name__ == "__main__":
    # A worker that leaks memory or holds on to resources is replaced by a fresh one.
    with ProcessPoolExecutor(max_workers=2, max_tasks_per_child=3) as executor:
        pids = list(executor.map(whoami, range(12)))
    tasks_per_worker = Counter(pids)
    print(f"12 tasks ran in {len(tasks_per_worker)} worker processes")
    print(f"tasks per worker: {sorted(tasks_per_worker.values(), reverse=True)}")
