"""A Pipe joins two processes: each end can send and receive picklable objects."""

import multiprocessing
from multiprocessing.connection import Connection


def calculator(connection: Connection, parents_end: Connection) -> None:
    parents_end.close()  # a forked child inherits both ends: close the one it does not use
    while True:
        try:
            operation, numbers = connection.recv()
        except EOFError:  # the parent closed its end: no more requests
            print("child:  the other end is closed, stopping")
            return
        result = sum(numbers) if operation == "sum" else max(numbers)
        connection.send((operation, result))


if __name__ == "__main__":
    parent_end, child_end = multiprocessing.Pipe()  # duplex: both ends send and receive
    child = multiprocessing.Process(target=calculator, args=(child_end, parent_end))
    child.start()
    child_end.close()  # the parent keeps only its own end

    for request in [("sum", [1, 2, 3]), ("max", [7, 3, 9]), ("sum", range(101))]:
        parent_end.send(request)
        print(f"parent: {request[0]} -> {parent_end.recv()[1]}")
    parent_end.close()
    child.join()
    print(f"parent: child exit code {child.exitcode}")
