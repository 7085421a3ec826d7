# /// script
# dependencies = ["gevent"]
# [tool.guide]
# varies = "how many ticks the heartbeat managed"
# check = "property"
# ///
"""A C function that blocks is invisible to monkey-patching: it stops every greenlet, unless it
runs in gevent's pool of real threads."""

from gevent import monkey

monkey.patch_all()

import ctypes  # noqa: E402
import time  # noqa: E402

import gevent  # noqa: E402

libc = ctypes.CDLL(None)  # the C library: its usleep() knows nothing of gevent
ticks = 0


def heartbeat() -> None:
    global ticks
    while True:
        time.sleep(0.01)
        ticks += 1


def ticks_during(label: str, wait) -> None:
    first = ticks
    wait()
    print(f"  {label:<45} {ticks - first:>3} ticks")


if __name__ == "__main__":
    beat = gevent.spawn(heartbeat)
    gevent.sleep(0.05)  # the heartbeat is running
    pool = gevent.get_hub().threadpool  # real operating-system threads
    print("heartbeat ticks (one per 10 ms) during a 0.3 s wait:")
    ticks_during("time.sleep(0.3), patched", lambda: time.sleep(0.3))
    ticks_during("libc usleep(300_000), a C call", lambda: libc.usleep(300_000))
    ticks_during(
        "the same C call in gevent's threadpool", lambda: pool.apply(libc.usleep, (300_000,))
    )
    beat.kill()
