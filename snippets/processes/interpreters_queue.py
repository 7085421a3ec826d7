# /// script
# requires-python = ">=3.14"
# ///
"""Two subinterpreters, each in its own thread, take work from one cross-interpreter queue."""

from concurrent import interpreters

STOP = None


def square_all(tasks: interpreters.Queue, results: interpreters.Queue) -> None:
    while (n := tasks.get()) is not STOP:  # runs inside a subinterpreter
        results.put((n, n * n))


if __name__ == "__main__":
    tasks = interpreters.create_queue()
    results = interpreters.create_queue()
    workers = [interpreters.create() for _ in range(2)]
    try:
        threads = [interp.call_in_thread(square_all, tasks, results) for interp in workers]
        for n in range(10):
            tasks.put(n)
        for _ in workers:
            tasks.put(STOP)  # one poison pill per worker, as with processes
        for thread in threads:
            thread.join()
        answers = sorted(results.get() for _ in range(10))
        print(f"squares: {[square for _, square in answers]}")
    finally:
        for interp in workers:
            interp.close()
