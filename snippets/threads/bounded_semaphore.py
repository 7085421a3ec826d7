"""A BoundedSemaphore refuses to be released more often than acquired; a Semaphore grows."""

import threading

if __name__ == "__main__":
    plain = threading.Semaphore(2)
    plain.release()  # a bug (nobody acquired), silently accepted: now 3 may enter
    entered = sum(plain.acquire(blocking=False) for _ in range(5))
    print(f"Semaphore(2) after one extra release lets {entered} threads in")

    bounded = threading.BoundedSemaphore(2)
    bounded.acquire()
    bounded.release()  # fine: matches the acquire
    try:
        bounded.release()  # one too many
    except ValueError as error:
        print(f"BoundedSemaphore(2) extra release -> ValueError: {error}")
