"""A producer thread fills a queue of readings; nobody can tell it to stop."""

import queue
import threading
import time


def produce(readings: queue.Queue) -> None:
    n = 0
    while True:
        n += 1
        readings.put(n)  # blocks while the queue is full
        time.sleep(0.01)  # the sensor's pace
    print("producer: stopped")


if __name__ == "__main__":
    readings: queue.Queue[int] = queue.Queue(maxsize=3)
    # daemon=True only so that this demo ends: the real program would hang at exit.
    producer = threading.Thread(target=produce, args=(readings,), daemon=True)
    producer.start()
    for _ in range(5):
        print(f"consumer: reading {readings.get()}")
    print("consumer: that is enough; asking the producer to stop")
    producer.join(timeout=1.0)
    if producer.is_alive():
        print("main: the producer is still running after 1 s")
    else:
        print("main: the producer has stopped")
