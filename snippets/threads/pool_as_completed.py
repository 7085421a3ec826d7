"""as_completed() yields each future as soon as it finishes, whatever order they were submitted in."""

import time
from concurrent.futures import ThreadPoolExecutor, as_completed


def lookup(host: str, seconds: float) -> str:
    time.sleep(seconds)  # stands in for a slow name lookup
    return f"{host} answered after {seconds:.2f} s"


if __name__ == "__main__":
    hosts = {"slow.example": 0.2, "fast.example": 0.02, "medium.example": 0.1}
    with ThreadPoolExecutor(max_workers=3) as pool:
        future_to_host = {pool.submit(lookup, host, s): host for host, s in hosts.items()}
        for future in as_completed(future_to_host):
            print(f"{future_to_host[future]:15} -> {future.result()}")
