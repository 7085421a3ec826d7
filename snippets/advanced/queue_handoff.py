"""Hand-off through a queue: put() happens-before get(), so the receiver needs no lock on the item."""

import queue
import threading


def producer(outbox: queue.Queue) -> None:
    for n in range(3):
        order = {"id": n, "lines": [f"item-{n}-{k}" for k in range(n + 1)]}
        outbox.put(order)  # from here on the order belongs to the consumer
        # order["lines"].clear()  <- touching it now would be a data race
    outbox.put(None)


def consumer(inbox: queue.Queue, results: list, settings: dict) -> None:
    while (order := inbox.get()) is not None:
        order["total"] = len(order["lines"])  # safe: nobody else holds a reference now
        order["currency"] = settings["currency"]
        results.append(order)


if __name__ == "__main__":
    channel: queue.Queue = queue.Queue()
    results: list = []
    settings = {"currency": "EUR"}  # written before start(): the thread sees it complete
    threads = [
        threading.Thread(target=producer, args=(channel,)),
        threading.Thread(target=consumer, args=(channel, results, settings)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()  # join() returns after the thread's last write: results is complete
    for order in results:
        print(f"order {order['id']}: {order['total']} line(s), priced in {order['currency']}")
