"""A producer thread fills a queue of readings until an Event tells it to stop."""

import queue
import threading
import time


def produce(readings: queue.Queue, stop: threading.Event) -> None:
    n = 0
    while not stop.is_set():
        n += 1
        while not stop.is_set():
            try:
                readings.put(n, timeout=0.05)  # look at the stop flag again when full
                break
            except queue.Full:
                pass
        time.sleep(0.01)  # the sensor's pace
    print("producer: stopped")


if __name__ == "__main__":
    readings: queue.Queue[int] = queue.Queue(maxsize=3)
    stop = threading.Event()
    # daemon=True only so that this demo ends: the real program would hang at exit.
    producer = threading.Thread(target=produce, args=(readings, stop), daemon=True)
    producer.start()
    for _ in range(5):
        print(f"consumer: reading {readings.get()}")
    print("consumer: that is enough; asking the producer to stop")
    stop.set()
    producer.join(timeout=1.0)
    if producer.is_alive():
        print("main: the producer is still running after 1 s")
    else:
        print("main: the producer has stopped")
