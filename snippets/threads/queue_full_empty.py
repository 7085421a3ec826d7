"""A bounded Queue pushes back: put() waits for room, get() waits for an item, or time out."""

import queue
import threading
import time

if __name__ == "__main__":
    box: queue.Queue[str] = queue.Queue(maxsize=2)
    box.put("first")
    box.put("second")
    try:
        box.put_nowait("third")  # same as put(block=False)
    except queue.Full:
        print("put_nowait on a full queue -> queue.Full")
    try:
        box.put("third", timeout=0.02)
    except queue.Full:
        print("put(timeout=0.02) on a full queue -> queue.Full")

    # A consumer that makes room after 50 ms unblocks a waiting put().
    start = time.perf_counter()
    threading.Timer(0.05, box.get).start()
    box.put("third")  # blocks until the timer's get() frees a slot
    print(f"put() waited for room: {time.perf_counter() - start >= 0.04}")

    print("drained:", [box.get() for _ in range(box.qsize())])
    try:
        box.get(timeout=0.02)
    except queue.Empty:
        print("get(timeout=0.02) on an empty queue -> queue.Empty")
