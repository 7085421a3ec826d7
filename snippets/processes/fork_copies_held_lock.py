"""fork copies a lock that another thread holds: in the child it stays locked, with no thread to release it."""

import multiprocessing
import threading
import warnings

LOCK = threading.Lock()


def hold_the_lock(holding: threading.Event, release: threading.Event) -> None:
    with LOCK:
        holding.set()
        release.wait()


def child() -> None:
    print(f"child:  threads here: {threading.active_count()} (only the one that called fork)")
    acquired = LOCK.acquire(timeout=0.5)  # without a timeout this would wait forever
    print(f"child:  acquired the lock: {acquired} (gave up after its 0.5 s timeout)")


if __name__ == "__main__":
    # The DeprecationWarning about forking with threads (previous example) is the point here.
    warnings.simplefilter("ignore", DeprecationWarning)
    holding, release = threading.Event(), threading.Event()
    holder = threading.Thread(target=hold_the_lock, args=(holding, release))
    holder.start()
    holding.wait()

    process = multiprocessing.get_context("fork").Process(target=child)
    process.start()
    process.join()

    release.set()
    holder.join()
    print(f"parent: the holder released it; acquired here: {LOCK.acquire(timeout=0.5)}")
