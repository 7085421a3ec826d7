"""An Event is a flag threads can wait on: here, a starting signal for every runner."""

import threading
import time

go = threading.Event()
reactions: list[tuple[str, float]] = []


def runner(name: str) -> None:
    go.wait()  # blocks until the flag is set
    reactions.append((name, time.perf_counter()))


if __name__ == "__main__":
    runners = [threading.Thread(target=runner, args=(n,)) for n in ("ada", "bo", "cy")]
    for thread in runners:
        thread.start()

    print("before set: wait(timeout=0.05) ->", go.wait(timeout=0.05))
    print("nobody has started yet:", reactions == [])
    fired = time.perf_counter()
    go.set()  # wakes every waiting thread at once
    for thread in runners:
        thread.join()

    print("all started:", sorted(name for name, _ in reactions))
    print("every one started after the signal:", all(t >= fired for _, t in reactions))
    print("after set: wait() returns at once ->", go.wait())
    go.clear()
    print("after clear: is_set() ->", go.is_set())
