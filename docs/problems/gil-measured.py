# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # The GIL, measured
#
# This page is a notebook that ran while the site was being built: every number and every
# chart below comes from the machine that built it, not from a description of some other
# machine. It times the same two workloads three ways:
#
# - **sequential**: one task after another, in one thread;
# - **threads**: a `ThreadPoolExecutor` with four worker threads;
# - **processes**: a `ProcessPoolExecutor` with four worker processes.
#
# One workload is **CPU-bound** (counting primes in pure Python), the other **I/O-bound**
# (waiting, as a program waits for a disk or a network). The [previous page](../gil/)
# explains what to expect; here we check it.
#
# First, what are we running on?

# %%
import os
import platform
import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from multiprocessing import get_context

import matplotlib.pyplot as plt
import numpy as np

gil_enabled = getattr(sys, "_is_gil_enabled", lambda: True)()
print(f"{platform.python_implementation()} {platform.python_version()} on {platform.machine()}")
print(f"GIL enabled: {gil_enabled}")
print(f"CPU cores: {os.cpu_count()}")


# %% [markdown]
# ## Two workloads
#
# Each task records when it started and when it finished, with `time.perf_counter()`. On
# Linux that clock is shared by every process on the machine, so the start and end times
# of tasks run in worker processes can be drawn on the same time line as the others.


# %%
def count_primes(limit: int) -> tuple[float, float]:
    """CPU-bound: trial division in pure Python; holds the GIL the whole time."""
    start = time.perf_counter()
    sum(all(n % d for d in range(2, int(n**0.5) + 1)) for n in range(2, limit))
    return start, time.perf_counter()


def wait_for_io(seconds: float) -> tuple[float, float]:
    """I/O-bound: a blocking call that releases the GIL while it waits."""
    start = time.perf_counter()
    time.sleep(seconds)
    return start, time.perf_counter()


TASKS = 4
WORKLOADS = {
    "CPU-bound": (count_primes, [70_000] * TASKS),
    "I/O-bound": (wait_for_io, [0.1] * TASKS),
}

start = time.perf_counter()
count_primes(70_000)
print(f"one CPU-bound task takes about {time.perf_counter() - start:.2f} s here")

# %% [markdown]
# ## Why the worker processes are forked
#
# A worker process has to find `count_primes` before it can run it. With the **spawn** and
# **forkserver** start methods (forkserver is the default on Linux from Python 3.14, spawn
# on macOS and Windows), each worker is a fresh interpreter that imports the main module
# to find the function. In a notebook, the main module is the kernel, not a file: the
# workers cannot import it, and the functions defined in the cells above do not exist in
# them. The pool then fails with an `AttributeError` or a `BrokenProcessPool`.
#
# The **fork** start method copies the running kernel, functions included, so the workers
# already have everything this notebook defined. That is why the pool below is created
# with `mp_context=get_context("fork")`. In a script, prefer the default start method and
# an `if __name__ == "__main__":` guard, as every example in this guide does: forking a
# process that runs threads (the Jupyter kernel does) can copy a lock that another thread
# holds, and Python 3.12 and later warn about it.

# %%
FORK = get_context("fork")


def sequential(function, arguments):
    return [function(argument) for argument in arguments]


def with_threads(function, arguments):
    with ThreadPoolExecutor(max_workers=TASKS) as pool:
        return list(pool.map(function, arguments))


def with_processes(function, arguments):
    with ProcessPoolExecutor(max_workers=TASKS, mp_context=FORK) as pool:
        return list(pool.map(function, arguments))


STRATEGIES = {"sequential": sequential, "threads": with_threads, "processes": with_processes}

# %% [markdown]
# ## The measurements
#
# Each combination runs twice; the table keeps the faster run, the one less
# disturbed by whatever else the machine was doing. The process pool's time includes
# starting its workers, as it would in a real program.

# %%
REPEATS = 2
timings: dict[tuple[str, str], float] = {}
spans: dict[tuple[str, str], list[tuple[float, float]]] = {}

for workload, (function, arguments) in WORKLOADS.items():
    for strategy, run in STRATEGIES.items():
        best = float("inf")
        for _ in range(REPEATS):
            began = time.perf_counter()
            task_spans = run(function, arguments)
            elapsed = time.perf_counter() - began
            if elapsed < best:
                best = elapsed
                spans[workload, strategy] = [(s - began, e - began) for s, e in task_spans]
        timings[workload, strategy] = best

print(f"{'':<11}" + "".join(f"{strategy:>12}" for strategy in STRATEGIES) + "   (seconds)")
for workload in WORKLOADS:
    row = "".join(f"{timings[workload, strategy]:>12.2f}" for strategy in STRATEGIES)
    print(f"{workload:<11}{row}")
print()
for workload in WORKLOADS:
    base = timings[workload, "sequential"]
    ups = ", ".join(
        f"{strategy} {base / timings[workload, strategy]:.1f}x" for strategy in STRATEGIES
    )
    print(f"speed-up, {workload}: {ups}")

# %% [markdown]
# ## Wall-clock time
#
# Shorter is better. Compare the bars within each group.

# %%
fig, ax = plt.subplots(figsize=(8, 4))
x = np.arange(len(WORKLOADS))
width = 0.26
for offset, strategy in enumerate(STRATEGIES):
    values = [timings[workload, strategy] for workload in WORKLOADS]
    bars = ax.bar(x + (offset - 1) * width, values, width, label=strategy)
    ax.bar_label(bars, fmt="%.2f s", fontsize=8)
ax.set_xticks(x, list(WORKLOADS))
ax.set_ylabel(f"seconds (best of {REPEATS})")
ax.set_title(f"{TASKS} tasks, {os.cpu_count()} cores, Python {platform.python_version()}")
ax.legend()
fig.tight_layout()
plt.show()

# %% [markdown]
# Read the chart against what the GIL allows:
#
# - **CPU-bound, threads**: about as slow as sequential. Only one thread at a time can run
#   Python bytecode, so four threads take turns on one core and add the cost of switching.
# - **CPU-bound, processes**: faster, by up to the number of cores. Each process has its own
#   interpreter and its own GIL. With more tasks than cores the gain stops at the core count,
#   and starting the workers costs a little.
# - **I/O-bound, threads**: about a quarter of sequential. `time.sleep` releases the GIL, so
#   the four waits overlap.
# - **I/O-bound, processes**: the waits overlap too, but starting processes costs more than
#   starting threads and buys nothing for waiting.

# %% [markdown]
# ## Who ran when
#
# The time lines below draw each CPU-bound task as a bar from its start to its end, measured
# from the moment the batch began.

# %%
fig, axes = plt.subplots(3, 1, figsize=(8, 4.5), sharex=True)
for ax, strategy in zip(axes, STRATEGIES, strict=True):
    for row, (start, end) in enumerate(spans["CPU-bound", strategy]):
        ax.barh(row, end - start, left=start, height=0.6, color=f"C{row}")
    ax.set_yticks(range(TASKS), [f"task {n}" for n in range(TASKS)], fontsize=8)
    ax.invert_yaxis()
    ax.set_title(f"CPU-bound, {strategy}", fontsize=9, loc="left")
axes[-1].set_xlabel("seconds since the batch began")
fig.tight_layout()
plt.show()

# %% [markdown]
# Sequentially, the tasks follow one another. With threads, all four start at once and all
# four finish near the end: they were all "running", but they shared one GIL, so each bar
# is about four times as long as a task needs. With processes, each task has a GIL of its
# own, and the operating system runs as many of them at once as there are cores, so the
# batch ends sooner. With more tasks than cores the bars still overlap and stretch, because
# the processes take turns on the cores; the difference from threads is that every core is
# busy, not just one.
#
# What changes this picture:
#
# - code that spends its time in C functions that release the GIL (hashing, compression,
#   NumPy on large arrays) runs in parallel in threads — see
#   [the GIL page](../gil/#c-code-can-release-it-too);
# - a [free-threaded build](../free-threading/) lets Python threads run on all cores.
