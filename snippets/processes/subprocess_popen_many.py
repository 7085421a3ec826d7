# /// script
# [tool.guide]
# varies = "the elapsed times, which depend on the machine"
# check = "property"
# ///
"""Start several programs with Popen, let them run side by side, then collect each one's output."""

import subprocess
import sys
import time

# Each child sleeps, then reports; sys.executable is the Python running this file.
CHILD = "import sys, time; time.sleep(float(sys.argv[1])); print(f'slept {sys.argv[1]} s')"

if __name__ == "__main__":
    delays = ["1.2", "0.8", "1.6", "0.4"]
    start = time.perf_counter()
    children = [  # Popen returns at once: all four run at the same time
        subprocess.Popen([sys.executable, "-c", CHILD, d], stdout=subprocess.PIPE, text=True)
        for d in delays
    ]
    print(f"started {len(children)} children in {time.perf_counter() - start:.2f} s")

    for child in children:  # collect in the order they were started
        out, _ = child.communicate(timeout=10)  # waits for this one, reading its whole output
        print(f"{child.args[-1]} s child: {out.strip()!r}, exit code {child.returncode}")

    total = time.perf_counter() - start
    print(
        f"all done after {total:.2f} s; one after another would take over {sum(map(float, delays)):.1f} s"
    )
