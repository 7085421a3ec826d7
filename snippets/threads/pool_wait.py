"""wait() splits futures into done and not done: on the first result, or when time runs out."""

import time
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait


def mirror(name: str, seconds: float) -> str:
    time.sleep(seconds)
    return name


if __name__ == "__main__":
    mirrors = {"eu": 0.06, "us": 0.02, "asia": 0.25}
    with ThreadPoolExecutor() as pool:
        futures = {pool.submit(mirror, name, s) for name, s in mirrors.items()}

        done, pending = wait(futures, return_when=FIRST_COMPLETED)
        print("first to answer:", [f.result() for f in done], "| still running:", len(pending))

        done, pending = wait(pending, timeout=0.08)  # give the others 80 ms more
        print(
            "within 80 ms more:", sorted(f.result() for f in done), "| still running:", len(pending)
        )

        done, pending = wait(pending)  # default: ALL_COMPLETED
        print("the rest:", sorted(f.result() for f in done), "| still running:", len(pending))
