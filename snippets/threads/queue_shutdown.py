# /// script
# requires-python = ">=3.13"
# ///
"""Queue.shutdown() (Python 3.13+) ends consumers without sentinels: get() raises ShutDown."""

import queue
import threading


def consume(tasks: queue.Queue[str], done: list[str]) -> None:
    while True:
        try:
            task = tasks.get()
        except queue.ShutDown:  # raised once the queue is shut down *and* empty
            return
        done.append(task)
        tasks.task_done()


if __name__ == "__main__":
    tasks: queue.Queue[str] = queue.Queue()
    for task in ("wash", "dry", "fold"):
        tasks.put(task)
    tasks.shutdown()  # no more puts; consumers still drain what is there

    done: list[str] = []
    consumer = threading.Thread(target=consume, args=(tasks, done))
    consumer.start()
    consumer.join()
    print("drained before stopping:", done)

    try:
        tasks.put("iron")
    except queue.ShutDown:
        print("put() after shutdown -> queue.ShutDown")

    urgent: queue.Queue[str] = queue.Queue()
    for task in ("a", "b", "c"):
        urgent.put(task)
    urgent.shutdown(immediate=True)  # discard what is left; get() raises at once
    print("after shutdown(immediate=True): qsize =", urgent.qsize())
    try:
        urgent.get()
    except queue.ShutDown:
        print("get() -> queue.ShutDown")
