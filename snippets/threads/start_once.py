"""A thread is started once, joined only after it started, and never by itself."""

import threading


def attempt(label: str, action) -> None:
    try:
        action()
        print(f"{label:22} ok")
    except RuntimeError as error:
        print(f"{label:22} RuntimeError: {error}")


if __name__ == "__main__":
    worker = threading.Thread(target=lambda: None, name="worker")
    print("before start: alive =", worker.is_alive())
    attempt("join before start", worker.join)
    attempt("start", worker.start)
    worker.join()
    print("after join:   alive =", worker.is_alive())
    attempt("start again", worker.start)
    attempt("join itself", threading.current_thread().join)
