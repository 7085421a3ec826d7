"""Storing a reference is atomic: a reader sees the old object or the new one, never a mixture."""

import threading
import time

BIG = 2**256 - 1  # a 256-bit integer: many machine words, yet stored as one reference
VALUES = (BIG, -BIG, ("a", "b", "c"), ("x", "y", "z"))
READS = 20_000


class Shared:
    value = VALUES[0]


def writer(shared: Shared, stop: threading.Event) -> None:
    n = 0
    while not stop.is_set():
        n += 1
        shared.value = VALUES[n % len(VALUES)]  # rebinding: one pointer store
        if n % 7 == 0:
            time.sleep(0)  # let the reader run often, at many different points


if __name__ == "__main__":
    shared, stop = Shared(), threading.Event()
    thread = threading.Thread(target=writer, args=(shared, stop))
    thread.start()
    seen = []
    for n in range(READS):
        seen.append(shared.value)
        if n % 10 == 0:
            time.sleep(0)
    stop.set()
    thread.join()
    torn = sum(value not in VALUES for value in seen)
    print(f"{READS:,} reads while another thread kept rebinding the attribute")
    print(f"values other than the four written: {torn}")
    print(f"every one of the four values was seen: {all(v in seen for v in VALUES)}")
