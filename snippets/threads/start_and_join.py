# /// script
# [tool.guide]
# varies = "the elapsed time by a few milliseconds"
# check = "property"
# ///
"""Create threads with a target and arguments, start them all, then join them."""

import threading
import time


def brew(drink: str, seconds: float, ready: list[str]) -> None:
    time.sleep(seconds)  # stands in for waiting on a machine, a disk or the network
    ready.append(drink)  # list.append is atomic: no lock needed for this one call


if __name__ == "__main__":
    orders = {"espresso": 0.15, "tea": 0.03, "latte": 0.09}
    ready: list[str] = []
    baristas = [
        threading.Thread(target=brew, args=(drink, seconds, ready))
        for drink, seconds in orders.items()
    ]

    start = time.perf_counter()
    for barista in baristas:
        barista.start()  # returns at once: the thread runs on its own from here
    print(f"main thread: started {len(baristas)} threads, now waiting for them")
    for barista in baristas:
        barista.join()  # blocks until that thread has finished
    elapsed = time.perf_counter() - start

    print("ready in this order:", ready)
    print(f"took {elapsed:.2f} s; one after another would take {sum(orders.values()):.2f} s")
