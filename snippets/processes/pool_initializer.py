"""An initializer runs once in each worker process, a good place for expensive per-process setup."""

import multiprocessing

TABLE: dict[int, str] = {}  # filled in each worker by set_up()


def set_up(runs: multiprocessing.Value) -> None:
    with runs.get_lock():
        runs.value += 1
    TABLE.update({n: format(n, "08b") for n in range(256)})  # stands in for costly setup


def to_binary(n: int) -> str:
    return TABLE[n]


if __name__ == "__main__":
    runs = multiprocessing.Value("i", 0)
    pool = multiprocessing.Pool(processes=2, initializer=set_up, initargs=(runs,))
    print(pool.map(to_binary, [1, 2, 3, 200, 255], chunksize=1))
    pool.close()  # no more tasks ...
    pool.join()  # ... and wait for the workers to exit (leaving `with` would terminate them)
    print(f"5 tasks, set_up() ran {runs.value} times: once per worker")
    print(f"the parent's TABLE has {len(TABLE)} entries: the workers filled their own copies")
