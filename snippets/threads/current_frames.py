"""sys._current_frames() maps each thread's ident to the frame it is executing right now."""

import sys
import threading
import traceback

gate = threading.Condition()
parked = 0
gate_open = False


def park() -> None:
    """Block here until main opens the gate; main knows when every worker has arrived."""
    global parked
    with gate:
        parked += 1
        gate.notify_all()
        gate.wait_for(lambda: gate_open)


def wait_until_cache_ready() -> None:
    park()


def handle_request() -> None:
    wait_until_cache_ready()


if __name__ == "__main__":
    workers = [
        threading.Thread(target=handle_request, name="request-1"),
        threading.Thread(target=park, name="cache-flusher"),
    ]
    for worker in workers:
        worker.start()
    with gate:
        gate.wait_for(lambda: parked == len(workers))  # both are now waiting inside park()

    names = {thread.ident: thread.name for thread in threading.enumerate()}
    stacks = {}
    for ident, frame in sys._current_frames().items():  # the leading _: CPython-specific
        ours = [f for f in traceback.extract_stack(frame) if f.filename == __file__]
        stacks[names.get(ident, "?")] = " -> ".join(f"{f.name}:{f.lineno}" for f in ours)
    for name, chain in sorted(stacks.items()):
        print(f"{name:14} {chain}")  # outermost call first, as in a traceback

    with gate:
        gate_open = True
        gate.notify_all()
    for worker in workers:
        worker.join()
