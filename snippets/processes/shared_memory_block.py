"""SharedMemory: a named block of bytes that another process attaches to by name; close and unlink it."""

from multiprocessing import Process, shared_memory


def shout(name: str, length: int) -> None:
    block = shared_memory.SharedMemory(name=name)  # attach; no copy is made
    try:
        block.buf[:length] = bytes(block.buf[:length]).upper()
    finally:
        block.close()  # this process is done with it


if __name__ == "__main__":
    message = b"hello from shared memory"
    block = shared_memory.SharedMemory(create=True, size=len(message))
    try:
        block.buf[: len(message)] = message
        child = Process(target=shout, args=(block.name, len(message)))
        child.start()
        child.join()
        print(f"the child changed it in place: {bytes(block.buf[: len(message)]).decode()}")
        print(
            f"block size requested {len(message)}, usable size at least that: {block.size >= len(message)}"
        )
    finally:
        block.close()
        block.unlink()  # free it: only once, by its owner
