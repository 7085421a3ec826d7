# /// script
# [tool.guide]
# varies = "the order in which the jobs finish"
# check = "lines-any-order"
# ///
"""submit() returns futures at once; as_completed() yields each as soon as its job is done."""

import time
from concurrent.futures import ProcessPoolExecutor, as_completed


def render(page: int, seconds: float) -> str:
    time.sleep(seconds)  # stands in for real work
    return f"page {page} rendered in {seconds} s"


if __name__ == "__main__":
    jobs = {1: 0.3, 2: 0.1, 3: 0.2, 4: 0.05}
    with ProcessPoolExecutor(max_workers=2) as executor:
        futures = {executor.submit(render, page, s): page for page, s in jobs.items()}
        for future in as_completed(futures, timeout=10):
            print(f"done: {future.result()}")
