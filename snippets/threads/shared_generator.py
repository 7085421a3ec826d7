"""Two threads call next() on one generator: the second call fails while the first is inside."""

import threading

inside = threading.Event()  # set once the generator is running its body for the worker
may_finish = threading.Event()  # lets that first step finish


def readings():
    for number in range(3):
        if number == 0:
            inside.set()
            may_finish.wait()  # a slow first step (a query, a file read) still under way
        yield number


def worker(source) -> None:
    print("worker got", next(source))


if __name__ == "__main__":
    source = readings()
    thread = threading.Thread(target=worker, args=(source,))
    thread.start()
    inside.wait()  # the worker is now inside the generator's body
    try:
        next(source)
    except ValueError as error:
        print("main thread:", type(error).__name__, "-", error)
    may_finish.set()
    thread.join()
    print("main thread, after the worker's step:", next(source))
