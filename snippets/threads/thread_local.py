"""threading.local gives each thread its own attribute values on one shared object."""

import threading
import time

state = threading.local()
opened: list[str] = []


def connection() -> str:
    """Open one connection per thread, lazily, and reuse it for the thread's later calls."""
    if not hasattr(state, "conn"):
        state.conn = f"conn-for-{threading.current_thread().name}"
        opened.append(state.conn)
    return state.conn


def handle(requests: int, used: dict[str, set[str]]) -> None:
    name = threading.current_thread().name
    used[name] = set()
    for _ in range(requests):
        used[name].add(connection())
        time.sleep(0.005)


if __name__ == "__main__":
    state.conn = "conn-for-main"  # set in the main thread only
    used: dict[str, set[str]] = {}
    workers = [
        threading.Thread(target=handle, args=(3, used), name=f"worker-{i}") for i in range(3)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()

    for name in sorted(used):
        print(f"{name} used {sorted(used[name])}")
    print(f"connections opened by workers: {len(opened)}")
    print(f"main still sees its own: {state.conn}")
