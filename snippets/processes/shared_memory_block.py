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
    finally:
        block.close()  # release this process's view ...
        block.unlink()  # ... and free the block: once, by its owner

    try:
        shared_memory.SharedMemory(name=block.name)
    except FileNotFoundError:
        print("after unlink(), attaching by name fails: FileNotFoundError")
