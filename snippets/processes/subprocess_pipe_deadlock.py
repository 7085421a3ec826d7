# /// script
# [tool.guide]
# varies = "the pipe's capacity depends on the operating system (Linux: 64 KiB)"
# check = "property"
# ///
"""wait() without reading: a child with more output than the pipe holds never exits. communicate() reads."""

import os
import subprocess
import sys

# The child writes `size` bytes to its stdout, then exits.
CHILD = "import sys; sys.stdout.buffer.write(b'x' * int(sys.argv[1]))"


def pipe_capacity() -> int:
    read_end, write_end = os.pipe()
    os.set_blocking(write_end, False)  # fail instead of blocking when the pipe is full
    written = 0
    try:
        while True:
            written += os.write(write_end, b"x" * 1024)
    except BlockingIOError:
        return written
    finally:
        os.close(read_end)
        os.close(write_end)


def wait_then_read(size: int) -> None:
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(size)], stdout=subprocess.PIPE)
    try:
        child.wait(timeout=3)  # the mistake: waiting for the exit before reading the output
        print(
            f"{size:>9,} bytes, wait() first:  exited; then read {len(child.stdout.read()):,} bytes"
        )
    except subprocess.TimeoutExpired:
        print(f"{size:>9,} bytes, wait() first:  still running after 3 s, blocked on a full pipe")
        child.kill()
        child.wait()
    child.stdout.close()


def communicate(size: int) -> None:
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(size)], stdout=subprocess.PIPE)
    out, _ = child.communicate(timeout=30)  # reads while it waits, so the pipe never fills
    print(f"{size:>9,} bytes, communicate(): read {len(out):,} bytes, exit code {child.returncode}")


if __name__ == "__main__":
    print(f"a pipe holds {pipe_capacity():,} bytes here")
    for size in (10_000, 1_000_000):
        wait_then_read(size)
        communicate(size)
