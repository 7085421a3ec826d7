# /// script
# [tool.guide]
# varies = "with the build and the machine: the number of cores, the GIL, and the default way multiprocessing starts a process (fork before 3.14 on Linux, forkserver from 3.14, spawn on macOS and Windows)"
# check = "property"
# ///
"""Which interpreter runs this program: its build, GIL, cores and start method."""

import multiprocessing
import os
import platform
import sys
import sysconfig


def gil_status() -> str:
    if not sysconfig.get_config_var("Py_GIL_DISABLED"):
        return "standard build: one GIL, one thread runs Python code at a time"
    if sys._is_gil_enabled():  # exists from 3.13; the GIL can come back at run time
        return "free-threaded build, but the GIL was switched back on"
    return "free-threaded build: threads run Python code in parallel"


if __name__ == "__main__":
    implementation = platform.python_implementation()
    print(f"implementation: {implementation} {platform.python_version()}")
    print(f"GIL:            {gil_status()}")
    print(f"cores:          {os.cpu_count()}")
    interval_ms = sys.getswitchinterval() * 1000
    print(f"switch every:   {interval_ms:g} ms (then a waiting thread asks for the GIL)")
    method = multiprocessing.get_start_method()
    print(f"start method:   {method} (how new processes begin)")
