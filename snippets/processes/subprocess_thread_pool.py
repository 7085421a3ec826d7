# /// script
# [tool.guide]
# varies = "the elapsed time and which thread ran which job"
# check = "property"
# ///
"""A thread pool around subprocess.run(): at most three programs run at once, results in order."""

import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

# The child reads text on stdin, takes a while, and prints a checksum of what it read.
CHILD = "import sys, time, zlib; data = sys.stdin.buffer.read(); time.sleep(0.5); print(zlib.crc32(data))"


def checksum(text: str) -> tuple[str, str, str]:
    result = subprocess.run(  # blocks this thread only; the GIL is released while it waits
        [sys.executable, "-c", CHILD], input=text, capture_output=True, text=True, timeout=30
    )
    result.check_returncode()  # raises CalledProcessError if the child failed
    return text, result.stdout.strip(), threading.current_thread().name


if __name__ == "__main__":
    documents = [f"document {n}" * 1000 for n in range(6)]
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=3, thread_name_prefix="runner") as pool:
        results = list(pool.map(checksum, documents))  # map keeps the input order
    elapsed = time.perf_counter() - start
    for text, crc, thread in results:
        print(f"{text[:10]!r}: crc32 {crc:>10}  (ran from {thread})")
    print(f"6 jobs of 0.5 s, 3 at a time: {elapsed:.2f} s")
