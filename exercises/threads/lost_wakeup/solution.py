"""A consumer waits for a parcel; looking and waiting happen under one lock, so no news is lost."""

import threading

condition = threading.Condition()
parcels: list[str] = []
# The same Events as in the exercise: the producer still delivers just after the
# consumer looked, but now it cannot until the consumer is waiting.
looked = threading.Event()
delivered = threading.Event()


def consumer() -> None:
    with condition:  # look and wait under the same lock
        looked.set()
        # wait_for checks the parcels first, then after each wake-up; waiting releases
        # the lock, and only then can the producer deliver and notify.
        if not condition.wait_for(lambda: parcels, timeout=1.0):
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
