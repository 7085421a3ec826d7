"""Where a Manager is the right tool: sync objects handed to pool tasks as arguments."""

import multiprocessing


def task(n: int, progress, lock) -> int:
    with lock:
        progress.put(f"task {n} done")
    return n * n


if __name__ == "__main__":
    with multiprocessing.Pool(processes=2) as pool:
        # A plain multiprocessing Queue or Lock can only be inherited by a child it starts...
        queue, lock = multiprocessing.Queue(), multiprocessing.Lock()
        try:
            pool.apply(task, (1, queue, lock))
        except RuntimeError as error:
            print(f"plain Queue as a task argument: RuntimeError: {error}")

        # ... a Manager's proxies can be pickled and sent anywhere, in any task.
        with multiprocessing.Manager() as manager:
            progress, lock = manager.Queue(), manager.Lock()
            squares = pool.starmap(task, [(n, progress, lock) for n in range(1, 6)])
            print(f"results: {squares}")
            print(f"progress messages: {sorted(progress.get() for _ in squares)}")
