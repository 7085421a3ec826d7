"""A consumer looks for a parcel, then waits to be told one has come: the news comes too early."""

import threading

condition = threading.Condition()
parcels: list[str] = []
# These two Events force the unlucky order on every run: the producer delivers just
# after the consumer looked. A fix does not need them (their waits end after 1 s anyway).
looked = threading.Event()
delivered = threading.Event()


def consumer() -> None:
    if not parcels:  # looks without holding the condition's lock...
        looked.set()
        delivered.wait(timeout=1.0)  # ...and the producer delivers right here
        with condition:
            if not condition.wait(timeout=1.0):
                print("consumer: no notify came within 1 s: the wake-up was lost")
                return
    print(f"consumer: got the {parcels.pop()}")


def producer() -> None:
    looked.wait(timeout=1.0)
    with condition:
        parcels.append("parcel")
        condition.notify()
    print("producer: delivered a parcel and notified")
    delivered.set()


if __name__ == "__main__":
    threads = [threading.Thread(target=consumer), threading.Thread(target=producer)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"parcels left undelivered: {len(parcels)}")
