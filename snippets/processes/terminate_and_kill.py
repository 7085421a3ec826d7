"""terminate() sends SIGTERM, which a process may handle or ignore; kill() sends SIGKILL, which it cannot."""

import multiprocessing
import signal
import sys
import time


def plain(ready: multiprocessing.Event) -> None:
    ready.set()
    time.sleep(60)


def tidy(ready: multiprocessing.Event) -> None:
    def save_and_exit(signum: int, frame: object) -> None:
        print("  tidy: SIGTERM received, saving my work first")
        sys.exit(0)

    signal.signal(signal.SIGTERM, save_and_exit)
    ready.set()
    time.sleep(60)


def stubborn(ready: multiprocessing.Event) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    ready.set()
    time.sleep(60)


def how_it_ended(process: multiprocessing.Process) -> str:
    if process.exitcode is None:
        return "still running"
    if process.exitcode < 0:
        return f"exitcode {process.exitcode} ({signal.Signals(-process.exitcode).name})"
    return f"exitcode {process.exitcode}"


if __name__ == "__main__":
    for target in (plain, tidy, stubborn):
        ready = multiprocessing.Event()
        process = multiprocessing.Process(target=target, args=(ready,))
        process.start()
        ready.wait()  # its signal handler is in place
        process.terminate()
        process.join(timeout=0.5)
        print(f"{target.__name__}: after terminate(): {how_it_ended(process)}")
        if process.is_alive():
            process.kill()
            process.join()
            print(f"{target.__name__}: after kill():      {how_it_ended(process)}")
