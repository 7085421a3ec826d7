"""Python signal handlers always run in the main thread, whoever the signal was sent to."""

import os
import signal
import threading
import time

ran_in: list[str] = []


def on_sigint(signum: int, frame: object) -> None:
    ran_in.append(threading.current_thread().name)


def sender() -> None:
    try:
        signal.signal(signal.SIGTERM, on_sigint)
    except ValueError as error:
        print(f"signal.signal() in {threading.current_thread().name}: ValueError: {error}")
    os.kill(os.getpid(), signal.SIGINT)  # to the process, as Ctrl-C does
    time.sleep(0.1)
    print(f"after os.kill(): the handler ran in {ran_in}")
    # Aim a SIGINT at this very thread: the C-level handler runs here, but it only
    # notes the signal; the Python handler still waits for the main thread.
    signal.pthread_kill(threading.get_ident(), signal.SIGINT)
    time.sleep(0.1)
    print(f"after pthread_kill() at the sender: handler calls so far: {len(ran_in)}")


if __name__ == "__main__":
    signal.signal(signal.SIGINT, on_sigint)  # allowed: this is the main thread
    worker = threading.Thread(target=sender, name="sender")
    worker.start()
    worker.join()
    time.sleep(0.05)  # let the main thread run Python code, where handlers run
    print(f"main thread done: the handler ran {len(ran_in)} times, in {sorted(set(ran_in))}")
