"""An Array in shared memory: each worker fills its own slice, so no lock is needed."""

import multiprocessing

SIZE = 12


def fill(squares, first: int, last: int) -> None:
    for i in range(first, last):
        squares[i] = i * i


if __name__ == "__main__":
    squares = multiprocessing.Array("q", SIZE, lock=False)  # 64-bit ints, zeroed; no lock
    half = SIZE // 2
    workers = [
        multiprocessing.Process(target=fill, args=(squares, 0, half)),
        multiprocessing.Process(target=fill, args=(squares, half, SIZE)),
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    print(f"filled by two processes: {list(squares)}")
