# /// script
# [tool.guide]
# varies = "the delays, by a fraction of a millisecond or more on a busy machine"
# check = "property"
# ///
"""sys.setswitchinterval: how long a waking thread may wait for the GIL held by a busy one."""

import statistics
import sys
import threading
import time

NAP = 0.005  # the waking thread sleeps this long, then needs the GIL back


def spin(stop: threading.Event) -> None:
    while not stop.is_set():  # pure Python: holds the GIL until asked to drop it
        pass


def late_by(interval: float, samples: int = 5) -> float:
    """Median time, beyond NAP, that the main thread waits to run again."""
    sys.setswitchinterval(interval)
    stop = threading.Event()
    busy = threading.Thread(target=spin, args=(stop,))
    busy.start()
    delays = []
    for _ in range(samples):
        start = time.perf_counter()
        time.sleep(NAP)  # releases the GIL; the spinner takes it
        delays.append(time.perf_counter() - start - NAP)  # extra wait for the GIL
    stop.set()
    busy.join()
    return statistics.median(delays)


if __name__ == "__main__":
    default = sys.getswitchinterval()
    print(f"default switch interval: {default * 1000:g} ms")
    for interval in (0.001, default, 0.05):
        late = late_by(interval)
        print(f"interval {interval * 1000:2g} ms: woke {late * 1000:5.1f} ms late")
    sys.setswitchinterval(default)
