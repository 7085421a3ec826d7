"""A Barrier holds threads until all of them arrive; a missing party breaks it for everyone."""

import threading
import time


def load(name: str, seconds: float, barrier: threading.Barrier, log: list[str]) -> None:
    time.sleep(seconds)  # each worker prepares for a different time
    try:
        slot = barrier.wait(timeout=0.2)  # 0 .. parties-1, a different number for each thread
        log.append(f"{name} passed with slot {slot}")
    except threading.BrokenBarrierError:
        log.append(f"{name}: BrokenBarrierError")


def run(parties: int, workers: dict[str, float]) -> list[str]:
    log: list[str] = []
    barrier = threading.Barrier(parties, action=lambda: log.append("-- all arrived --"))
    threads = [threading.Thread(target=load, args=(n, s, barrier, log)) for n, s in workers.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return log


if __name__ == "__main__":
    log = run(3, {"fast": 0.01, "medium": 0.03, "slow": 0.06})
    print(log[0])  # the action runs once, before anyone is released
    print("passed:", sorted(line.split()[0] for line in log[1:]))
    print("slots:", sorted(int(line.split()[-1]) for line in log[1:]))
    print("two parties of three, with a timeout:")
    print(sorted(run(3, {"fast": 0.01, "medium": 0.03})))
