# /// script
# [tool.guide]
# retries = 4  # the check compares measured times, which a briefly busy machine upsets
# varies = "the percentages by a few points, more on a busy machine; waiting stays near 0 %, computing near 100 % on an idle machine"
# check = "property"
# ///
"""I/O-bound or CPU-bound? Compare the CPU time a job used with the time it took."""

import time


def fake_download() -> None:
    time.sleep(0.2)  # waits: the clock runs, the CPU does not


def count_primes() -> int:
    limit = 40_000
    return sum(all(n % d for d in range(2, int(n**0.5) + 1)) for n in range(2, limit))


def profile(job) -> None:
    wall_start, cpu_start = time.perf_counter(), time.process_time()
    job()
    wall = time.perf_counter() - wall_start
    cpu = time.process_time() - cpu_start
    kind = (
        "CPU-bound" if cpu / wall > 0.25 else "I/O-bound"
    )  # a generous line: busy machines steal CPU
    name = job.__name__
    print(f"{name:<14} wall {wall:.2f} s, CPU {cpu:.2f} s ({cpu / wall:4.0%}): {kind}")


if __name__ == "__main__":
    profile(fake_download)
    profile(count_primes)
