# /// script
# [tool.guide]
# varies = "the order in which the threads' lines interleave"
# check = "lines-any-order"
# ///
"""Logging from threads: %(threadName)s says which thread wrote each line."""

import logging
import threading

log = logging.getLogger("orders")


def process(orders: list[int]) -> None:
    for order in orders:
        log.info("processing order %d", order)
    log.info("finished %d orders", len(orders))


if __name__ == "__main__":
    logging.basicConfig(format="%(threadName)-10s %(levelname)-7s %(message)s", level=logging.INFO)
    log.info("starting two workers")
    # Name your threads (ThreadPoolExecutor: thread_name_prefix="billing" gives billing_0, ...).
    workers = [
        threading.Thread(target=process, args=([1, 3],), name="billing-1"),
        threading.Thread(target=process, args=([2, 4, 6],), name="billing-2"),
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    log.warning("all workers done")
