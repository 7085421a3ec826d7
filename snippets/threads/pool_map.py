"""pool.map runs the calls concurrently but yields the results in the order of the inputs."""

import time
from concurrent.futures import ThreadPoolExecutor

finished: list[str] = []


def thumbnail(name: str, seconds: float) -> str:
    time.sleep(seconds)
    finished.append(name)
    return f"thumb-{name}"


if __name__ == "__main__":
    names = ["large.png", "small.png", "medium.png"]
    seconds = [0.7, 0.1, 0.4]
    with ThreadPoolExecutor() as pool:
        start = time.perf_counter()
        results = list(pool.map(thumbnail, names, seconds))  # like map(), over two iterables
        elapsed = time.perf_counter() - start
    print("finished in the order:", finished)
    print("results in the order: ", results)
    print(f"took about the longest call, not the sum: {elapsed < sum(seconds)}")
