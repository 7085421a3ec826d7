# /// script
# dependencies = ["gevent"]
# [tool.guide]
# varies = "how many ticks the heartbeat managed"
# check = "property"
# ///
"""After patching, a threading.Thread is a greenlet: CPU-bound code in one never lets the others run."""

from gevent import monkey

monkey.patch_all()

import threading  # noqa: E402
import time  # noqa: E402

ticks = 0


def heartbeat(stop: threading.Event) -> None:
    global ticks
    while not stop.is_set():
        time.sleep(0.01)
        ticks += 1


def crunch(seconds: float, pause: float | None, seen: list[int]) -> None:
    first = ticks
    deadline = time.perf_counter() + seconds
    rounds = 0
    while time.perf_counter() < deadline:  # pure Python work, no I/O
        rounds += 1
        if pause is not None and rounds % 10_000 == 0:
            time.sleep(pause)  # a cooperative pause: let the other greenlets run
    seen.append(ticks - first)  # the heartbeat's ticks while this thread computed


def ticks_during(pause: float | None) -> int:
    stop, seen = threading.Event(), []
    beat = threading.Thread(target=heartbeat, args=(stop,))
    beat.start()
    time.sleep(0.05)  # the heartbeat is running
    worker = threading.Thread(target=crunch, args=(0.3, pause, seen))
    worker.start()
    worker.join()
    stop.set()
    beat.join()
    return seen[0]


if __name__ == "__main__":
    print("heartbeat ticks (one per 10 ms) while another thread computes for 0.3 s:")
    print("  computing without a pause:", ticks_during(None))
    print("  time.sleep(0) every 10,000 rounds:", ticks_during(0))
    print("  time.sleep(0.001) every 10,000 rounds:", ticks_during(0.001))
    idents, native = set(), set()

    def who() -> None:
        idents.add(threading.get_ident())
        native.add(threading.get_native_id())
        time.sleep(0.01)  # all three are alive at once

    threads = [threading.Thread(target=who) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"three threads: {len(idents)} get_ident() values, {len(native)} get_native_id()")
