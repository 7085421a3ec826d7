"""submit() schedules a call on a pool thread and returns a Future for its result."""

import time
from concurrent.futures import Future, ThreadPoolExecutor


def checksum(name: str, data: bytes) -> str:
    time.sleep(0.02)  # pretend to read the file
    return f"{name}: {sum(data) % 256:3}"


if __name__ == "__main__":
    files = {"a.txt": b"alpha", "b.txt": b"bravo", "c.txt": b"charlie"}
    with ThreadPoolExecutor(max_workers=3) as pool:
        futures: list[Future[str]] = [pool.submit(checksum, n, d) for n, d in files.items()]
        print("submitted; first future done yet?", futures[0].done())
        for future in futures:
            print(future.result())  # waits for that one call to finish
    # leaving the `with` block calls pool.shutdown(wait=True): every thread has ended
    print("all done:", all(future.done() for future in futures))
