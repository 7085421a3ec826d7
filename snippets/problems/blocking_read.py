# /// script
# [tool.guide]
# varies = "the counts, which depend on the machine and its load"
# check = "property"
# ///
"""A thread blocked in a read leaves the GIL free; a computing thread takes half of it."""

import os
import threading
import time


def count_for(seconds: float) -> int:
    """Count as far as possible in `seconds`: a measure of how much CPU time we got."""
    deadline, count = time.perf_counter() + seconds, 0
    while time.perf_counter() < deadline:
        count += 1
    return count


def read_pipe(pipe_out: int) -> None:
    os.read(pipe_out, 100)  # blocks, without the GIL, until the main thread writes


def compute(stop: threading.Event) -> None:
    while not stop.is_set():
        pass  # holds the GIL whenever it runs


if __name__ == "__main__":
    alone = count_for(0.2)

    pipe_out, pipe_in = os.pipe()
    reader = threading.Thread(target=read_pipe, args=(pipe_out,))
    reader.start()
    beside_reader = count_for(0.2)
    os.write(pipe_in, b"done")
    reader.join()

    stop = threading.Event()
    busy = threading.Thread(target=compute, args=(stop,))
    busy.start()
    beside_busy = count_for(0.2)
    stop.set()
    busy.join()

    print(f"counted alone:                   {alone:>10,}")
    print(f"beside a thread blocked in read: {beside_reader:>10,} ({beside_reader / alone:.0%})")
    print(f"beside a computing thread:       {beside_busy:>10,} ({beside_busy / alone:.0%})")
