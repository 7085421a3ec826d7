"""A sqlite3 connection refuses other threads; a small pool lends each connection to one at a time."""

import contextlib
import queue
import sqlite3
import tempfile
import threading
from pathlib import Path


class Pool:
    """A fixed set of connections; a thread borrows one and gives it back when done."""

    def __init__(self, path: Path, size: int) -> None:
        self._idle = queue.Queue()
        for _ in range(size):  # check_same_thread=False: the pool makes sure one thread at a time
            self._idle.put(sqlite3.connect(path, check_same_thread=False))

    @contextlib.contextmanager
    def connection(self):
        connection = self._idle.get()  # waits while every connection is lent out
        try:
            with connection:  # commits on success, rolls back on an exception
                yield connection
        finally:
            self._idle.put(connection)

    def close(self) -> None:
        while not self._idle.empty():
            self._idle.get().close()


def record_visits(pool: Pool, user: str, used: set) -> None:
    for page in range(10):
        with pool.connection() as connection:
            used.add(id(connection))
            connection.execute("INSERT INTO visits VALUES (?, ?)", (user, page))


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "visits.db"
        main_connection = sqlite3.connect(path)
        main_connection.execute("CREATE TABLE visits (user TEXT, page INTEGER)")

        def use_main_connection() -> None:
            try:
                main_connection.execute("SELECT count(*) FROM visits")
            except sqlite3.ProgrammingError as error:
                print("another thread:", type(error).__name__, "-", str(error).split(".")[0])

        thread = threading.Thread(target=use_main_connection)
        thread.start()
        thread.join()

        pool, used = Pool(path, size=2), set()
        users = [
            threading.Thread(target=record_visits, args=(pool, f"user-{n}", used)) for n in range(6)
        ]
        for thread in users:
            thread.start()
        for thread in users:
            thread.join()
        (rows,) = main_connection.execute("SELECT count(*) FROM visits").fetchone()
        print(f"6 threads, a pool of 2: {rows} rows written through {len(used)} connections")
        main_connection.close()
        pool.close()
