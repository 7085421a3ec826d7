# /// script
# [tool.guide]
# varies = "the order in which the answers arrive"
# check = "property"
# ///
"""connection.wait(): one loop serves several pipes and notices a child that died silently."""

import multiprocessing
import multiprocessing.connection as connection
import os
import time


def worker(n: int, conn) -> None:
    time.sleep(0.2 * n)  # the workers finish at different times
    if n == 2:
        os._exit(3)  # dies without sending anything
    conn.send(f"worker {n}: {n}**3 = {n**3}")


if __name__ == "__main__":
    pending = {}  # receiving end -> (worker number, its process)
    for n in range(1, 5):
        receiver, sender = multiprocessing.Pipe(duplex=False)
        child = multiprocessing.Process(target=worker, args=(n, sender))
        child.start()
        sender.close()  # now only the child holds the sending end
        pending[receiver] = (n, child)

    while pending:
        for receiver in connection.wait(list(pending), timeout=10):  # whichever are ready
            n, child = pending.pop(receiver)
            try:
                print("got", receiver.recv())
            except EOFError:  # ready, but empty and closed: the only sender has gone
                child.join()
                print(f"worker {n} exited with code {child.exitcode} and sent nothing")
            child.join()
