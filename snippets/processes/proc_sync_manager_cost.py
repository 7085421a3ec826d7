# /// script
# [tool.guide]
# varies = "the timings, which depend on the machine"
# check = "property"
# ///
"""What one shared increment costs: a local dict, a shared Value with its lock, a Manager's dict."""

import multiprocessing
import time

ROUNDS = 5


def per_increment(increment, times: int) -> float:  # microseconds per call
    start = time.perf_counter()
    for _ in range(times):
        increment()
    return (time.perf_counter() - start) / times * 1e6


if __name__ == "__main__":
    local = {"n": 0}
    value = multiprocessing.Value("q", 0)  # a C integer in shared memory, with a lock

    def local_increment():
        local["n"] += 1

    def value_increment():
        with value.get_lock():
            value.value += 1

    with multiprocessing.Manager() as manager:
        proxy = manager.dict(n=0)  # the dict lives in the manager's process

        def manager_increment():
            proxy["n"] += 1  # two messages to the manager: get, then set

        ways = {
            "local dict": (local_increment, 100_000),
            "shared Value": (value_increment, 100_000),
        }
        ways["Manager dict"] = (manager_increment, 2_000)
        best = dict.fromkeys(ways, float("inf"))
        for _ in range(ROUNDS):  # in turns, keeping each way's fastest (least disturbed) round
            for name, (increment, times) in ways.items():
                best[name] = min(best[name], per_increment(increment, times))
        counts = [local["n"], value.value, proxy["n"]]

    print(f"increments done: {counts}")
    for name, micros in best.items():
        print(f"{name:13} {micros:8.3f} µs per increment  ({micros / best['local dict']:,.0f}x)")
    print(f"the Manager is {best['Manager dict'] / best['shared Value']:,.0f}x slower than a Value")
