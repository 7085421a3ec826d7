"""An exception in a thread does not reach join(): it goes to threading.excepthook."""

import threading

failures: list[str] = []


def remember_failure(args: threading.ExceptHookArgs) -> None:
    failures.append(f"{args.thread.name}: {args.exc_type.__name__}: {args.exc_value}")


def parse(records: list[str]) -> None:
    for number, record in enumerate(records, start=1):
        if not record.isdigit():
            raise ValueError(f"record {number} is not a number: {record!r}")


if __name__ == "__main__":
    print("default hook is the built-in one:", threading.excepthook is threading.__excepthook__)
    threading.excepthook = remember_failure  # replaces the hook for every thread

    worker = threading.Thread(target=parse, args=(["12", "7", "x9"],), name="parser")
    worker.start()
    worker.join()  # returns normally: the exception stayed in the worker thread
    print("join() returned; the hook saw:", failures)

    threading.excepthook = threading.__excepthook__  # put the default back
