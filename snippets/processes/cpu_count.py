# /// script
# [tool.guide]
# varies = "the numbers of CPUs depend on the machine, and os.process_cpu_count() needs Python 3.13"
# check = "property"
# ///
"""How many CPUs: in the machine, and usable by this process (which affinity can restrict)."""

import multiprocessing
import os


def report(label: str) -> None:
    print(label)
    print(f"  os.cpu_count()              {os.cpu_count()}")
    if hasattr(os, "process_cpu_count"):  # new in Python 3.13
        print(f"  os.process_cpu_count()      {os.process_cpu_count()}")
    else:
        print("  os.process_cpu_count()      (needs Python 3.13)")
    if hasattr(os, "sched_getaffinity"):  # Linux and a few other Unixes
        print(f"  len(os.sched_getaffinity(0)) {len(os.sched_getaffinity(0))}")


def pinned_to_one_cpu() -> None:
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    report("a child pinned to one CPU:")


if __name__ == "__main__":
    report("this process:")
    if hasattr(os, "sched_setaffinity"):
        child = multiprocessing.Process(target=pinned_to_one_cpu)
        child.start()
        child.join()
