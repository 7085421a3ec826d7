# /// script
# [tool.guide]
# varies = "the counts, which depend on the machine"
# check = "property"
# ///
"""A thread blocked in a read leaves the GIL free; a computing thread takes half of it."""

import os
import threading
import time

WINDOW = 0.07  # seconds of CPU time per count; each situation is counted in three rounds


def count_for(seconds: float) -> int:
    """Count until this process has used `seconds` of CPU time, in all its threads: the
    count says how much of that time this thread got, however busy the machine is."""
    deadline, count = time.process_time() + seconds, 0
    while time.process_time() < deadline:
        count += 1
    return count


def beside_reader() -> int:
    pipe_out, pipe_in = os.pipe()
    reader = threading.Thread(target=os.read, args=(pipe_out, 100))  # blocks, without the GIL
    reader.start()
    count = count_for(WINDOW)
    os.write(pipe_in, b"done")  # now the read returns
    reader.join()
    os.close(pipe_out)
    os.close(pipe_in)
    return count


def compute(stop: threading.Event) -> None:
    while not stop.is_set():
        pass  # holds the GIL whenever it runs


def beside_computing_thread() -> int:
    stop = threading.Event()
    busy = threading.Thread(target=compute, args=(stop,))
    busy.start()
    count = count_for(WINDOW)
    stop.set()
    busy.join()
    return count


if __name__ == "__main__":
    totals = {"alone": 0, "reader": 0, "busy": 0}
    for _ in range(3):  # take turns, so that whatever changes over time hits all three
        totals["alone"] += count_for(WINDOW)
        totals["reader"] += beside_reader()
        totals["busy"] += beside_computing_thread()
    alone = totals["alone"]
    print(f"counted alone:                   {alone:>10,}")
    print(
        f"beside a thread blocked in read: {totals['reader']:>10,} ({totals['reader'] / alone:.0%})"
    )
    print(f"beside a computing thread:       {totals['busy']:>10,} ({totals['busy'] / alone:.0%})")
