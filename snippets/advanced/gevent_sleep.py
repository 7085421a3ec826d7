# /// script
# dependencies = ["gevent"]
# [tool.guide]
# varies = "the times taken"
# check = "property"
# ///
"""After monkey-patching, plain blocking calls (time.sleep, threading.Thread) become cooperative."""

from gevent import monkey

monkey.patch_all()  # first: before anything imports time, socket, threading...

import threading  # noqa: E402
import time  # noqa: E402

import gevent  # noqa: E402

native_ids = set()


def fetch(n: int) -> int:
    native_ids.add(threading.get_native_id())
    time.sleep(0.1)  # stands for a blocking call: now it lets the others run
    return n


def with_threads(count: int) -> float:
    started = time.perf_counter()
    threads = [threading.Thread(target=fetch, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started


def with_greenlets(count: int) -> float:
    started = time.perf_counter()
    greenlets = [gevent.spawn(fetch, n) for n in range(count)]
    gevent.joinall(greenlets, raise_error=True)
    assert sorted(g.value for g in greenlets) == list(range(count))
    return time.perf_counter() - started


if __name__ == "__main__":
    print("time.sleep is gevent.sleep:", time.sleep is gevent.sleep)
    print("threading.Thread is gevent's:", threading.Thread.__module__)
    print(f"1,000 threading.Thread, 0.1 s sleep each: {with_threads(1000):.2f} s")
    print(f"1,000 gevent.spawn,     0.1 s sleep each: {with_greenlets(1000):.2f} s")
    print("operating-system threads that ran them:", len(native_ids))
