"""A child that runs too long: communicate(timeout=...) raises, then kill() it and reap it."""

import subprocess
import sys

CHILD = "import time; print('working...', flush=True); time.sleep(60); print('done')"

if __name__ == "__main__":
    child = subprocess.Popen([sys.executable, "-c", CHILD], stdout=subprocess.PIPE, text=True)
    print("child says:", child.stdout.readline().strip())  # it is running now
    try:
        child.communicate(timeout=0.5)
    except subprocess.TimeoutExpired as error:
        print(f"TimeoutExpired after {error.timeout} s")
        child.kill()  # SIGKILL on POSIX, TerminateProcess on Windows
        out, _ = child.communicate()  # reap it (no zombie) and read what is left
        print(f"killed; rest of its output {out!r}, exit code {child.returncode}")

    # subprocess.run() does the same for you: on timeout it kills the child, waits, re-raises.
    try:
        subprocess.run([sys.executable, "-c", CHILD], capture_output=True, timeout=0.5)
    except subprocess.TimeoutExpired as error:
        print(f"run(): TimeoutExpired after {error.timeout} s; the child was killed and reaped")
