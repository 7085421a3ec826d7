"""A thread dump with names: sys._current_frames() maps each thread's id to the frame it runs."""

import queue
import sys
import threading
import time
import traceback


def dump_threads() -> None:
    frames = sys._current_frames()  # a snapshot: {thread id: innermost frame}
    for thread in sorted(threading.enumerate(), key=lambda t: t.name):
        stack = traceback.extract_stack(frames[thread.ident])
        ours = [f for f in stack if f.filename == __file__]  # hide the standard library
        where = " <- ".join(f"{f.name}:{f.lineno}" for f in reversed(ours))
        print(f"{thread.name:<12} {'daemon' if thread.daemon else '':<6} {where}")


def wait_for_job(jobs: queue.Queue) -> None:
    jobs.get()


def hold_the_lock(lock: threading.Lock, holding: threading.Event, release: threading.Event) -> None:
    with lock:
        holding.set()
        release.wait()


def want_the_lock(lock: threading.Lock) -> None:
    with lock:
        pass


if __name__ == "__main__":
    jobs, lock = queue.Queue(), threading.Lock()
    holding, release = threading.Event(), threading.Event()
    workers = [
        threading.Thread(target=wait_for_job, args=(jobs,), name="job-worker"),
        threading.Thread(target=hold_the_lock, args=(lock, holding, release), name="lock-holder"),
        threading.Thread(target=want_the_lock, args=(lock,), name="lock-waiter", daemon=True),
    ]
    workers[0].start()
    workers[1].start()
    holding.wait(timeout=5)  # the holder has the lock before the waiter asks for it
    workers[2].start()
    time.sleep(0.1)  # give every thread time to reach the call where it waits
    dump_threads()
    jobs.put("stop")
    release.set()
    for worker in workers:
        worker.join()
