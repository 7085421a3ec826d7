# /// script
# dependencies = ["joblib"]
# [tool.guide]
# varies = "the times depend on the machine and how busy it is"
# check = "property"
# ///
"""loky keeps its worker processes between calls: only the first call pays for starting them."""

import os
import time

from joblib import Parallel, delayed
from joblib.externals.loky import get_reusable_executor


def timed_call(label: str) -> set[int]:
    start = time.perf_counter()
    pids = Parallel(n_jobs=2)(delayed(os.getpid)() for _ in range(8))
    print(f"{label}: {time.perf_counter() - start:.3f} s")
    return set(pids)


if __name__ == "__main__":
    first = timed_call("first call (starts 2 worker processes)")
    second = timed_call("second call (reuses them)")
    print(f"the main process ran none of the tasks: {os.getpid() not in first | second}")
    # Parallel gets its pool from loky, which hands back the same one while it is alive.
    executor = get_reusable_executor(max_workers=2)
    print(f"same executor on the next request: {executor is get_reusable_executor(max_workers=2)}")
    executor.shutdown(wait=True)  # idle workers would otherwise linger until a timeout
