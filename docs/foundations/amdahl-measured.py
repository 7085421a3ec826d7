# %% [markdown]
# # Amdahl's law, measured
#
# The [previous page](../amdahl/) derived the law on paper. This page is a notebook: the site
# build ran every cell below on the build machine, so the numbers and the figure are
# measurements, not illustrations. Expect them to differ on your machine — and to differ a
# little each time the site is built.
#
# The plan:
#
# 1. build a CPU-bound job with a known serial part and a parallel part;
# 2. run it with 1, 2, … worker processes, up to the number of cores and a little past it;
# 3. compute the parallel fraction *p* that each measured speed-up implies (the Karp–Flatt
#    metric), and fit one *p* to them by least squares;
# 4. draw the measurements against the curve Amdahl's law predicts for that *p*, and say
#    what the figure can and cannot show.

# %%
import multiprocessing
import os
import platform
import time
import warnings
from concurrent.futures import ProcessPoolExecutor

import matplotlib.pyplot as plt
import numpy as np

CORES = os.cpu_count() or 1
python = f"{platform.python_implementation()} {platform.python_version()}"
print(f"{python}, {CORES} cores")

# %% [markdown]
# ## The job
#
# The job counts primes by trial division. A *serial stage* counts them below
# `SERIAL_LIMIT` in the main process (think of it as reading and checking the input: it
# cannot be split). The *parallel stage* counts them in `CHUNKS` equal slices of a larger
# range, and those slices go to the worker processes. Many small slices keep every worker
# busy until the end, whatever the number of workers.


# %%
def count_primes_between(start: int, stop: int) -> int:
    found = 0
    for n in range(max(start, 2), stop):
        for divisor in range(2, int(n**0.5) + 1):
            if n % divisor == 0:
                break
        else:
            found += 1
    return found


SERIAL_LIMIT = 150_000
PARALLEL_LIMIT = 300_000
CHUNKS = 48
BOUNDS = np.linspace(0, PARALLEL_LIMIT, CHUNKS + 1, dtype=int).tolist()
STARTS, STOPS = BOUNDS[:-1], BOUNDS[1:]

# %% [markdown]
# ## Why the `fork` start method
#
# A process pool sends each worker the function to run *by name*: it pickles
# `count_primes_between` as "the function `count_primes_between` in module `__main__`",
# and the worker looks that name up. With the `spawn` and `forkserver` start methods the
# worker is a fresh interpreter that imports `__main__` again — and a notebook's
# `__main__` is the kernel, which has no such function, so the pool fails. With `fork`
# the worker is a copy of this very process, functions defined in the notebook included.
#
# `fork` was the default on Linux up to Python 3.13; from 3.14 the default is
# `forkserver`, so the notebook asks for `fork` explicitly rather than rely on the
# default. Two caveats: `fork` does not exist on Windows, and copying a process that runs
# threads (a Jupyter kernel does) can deadlock a child that needs a lock another thread
# held. Our workers only compute, so the risk does not arise here; Python 3.12 and later
# still warn about it, and the filter below silences that one warning. In a script or a
# package, put the worker function in an importable module and keep the default start
# method instead.

# %%
FORK = multiprocessing.get_context("fork")
warnings.filterwarnings(
    "ignore",
    message=r".*use of fork\(\) may lead to deadlocks",
    category=DeprecationWarning,
)


def run_job(workers: int) -> tuple[float, float, int]:
    """Run the job on `workers` processes.

    Returns the total seconds, the serial stage's seconds, the result.
    """
    start = time.perf_counter()
    serial_count = count_primes_between(0, SERIAL_LIMIT)  # serial stage
    serial_s = time.perf_counter() - start
    with ProcessPoolExecutor(workers, mp_context=FORK) as pool:
        chunks = pool.map(count_primes_between, STARTS, STOPS)
        parallel_count = sum(chunks)  # parallel stage
    total_s = time.perf_counter() - start
    return total_s, serial_s, serial_count + parallel_count


# %% [markdown]
# ## The measurements
#
# Each number of workers runs twice, in two rounds, and keeps the faster run, so that a
# brief hiccup of the machine does not pass for a property of the job. The pool is created inside the
# timed region: starting workers is part of what parallelism costs. The runs go from one
# worker up to the number of cores (every count up to 8, then the number of cores), and
# two counts past it.

# %%
upto = min(CORES, 8)
worker_counts = sorted({*range(1, upto + 1), CORES, CORES + 1, CORES + 2})
best: dict[int, float] = {}
serial_seconds = []
results = set()
for _ in range(2):  # two rounds, each through every worker count
    for workers in worker_counts:
        total_s, serial_s, result = run_job(workers)
        best[workers] = min(best.get(workers, total_s), total_s)
        serial_seconds.append(serial_s)
        results.add(result)
assert len(results) == 1, "every run must count the same primes"

one_worker = best[1]
serial_s = min(serial_seconds)
speed_up = {n: one_worker / seconds for n, seconds in best.items()}
designed_p = 1 - serial_s / one_worker
print(f"primes counted: {results.pop():,}")
print(f"serial stage: {serial_s:.2f} s of {one_worker:.2f} s on one worker")
print(f"parallel fraction by design: p = {designed_p:.3f}")
print()
print("workers  time (s)  speed-up")
for n in worker_counts:
    print(f"{n:>7}  {best[n]:8.3f}  {speed_up[n]:8.2f}")

# %% [markdown]
# ## What each speed-up says about *p*
#
# Amdahl's law says S(n) = 1 / ((1 − p) + p / n). Solved for *p*, one measured speed-up
# on *n* workers gives one value of *p*, the Karp–Flatt metric of the
# [previous page](../amdahl/#reading-p-from-a-measurement):
#
# ```text
# p(n) = (1 − 1/S(n)) / (1 − 1/n)
# ```
#
# If the model fits this job, *p*(*n*) stays the same as *n* grows; if it falls, some cost
# grows with the number of workers. One worker says nothing (S(1) = 1 by definition), and
# runs with more workers than cores break the model's assumption that each worker has a
# core, so only 2 ≤ *n* ≤ cores count. Least squares on the straight line
# 1 − 1/S(n) = p · (1 − 1/n) then gives one *p* for all of them.

# %%
fitted = [n for n in worker_counts if 2 <= n <= CORES]
karp_flatt = {n: (1 - 1 / speed_up[n]) / (1 - 1 / n) for n in fitted}
print("workers  speed-up  p(n)")
for n, p_n in karp_flatt.items():
    print(f"{n:>7}  {speed_up[n]:8.2f}  {p_n:.3f}")

if fitted:
    x = np.array([1 - 1 / n for n in fitted])
    y = np.array([1 - 1 / speed_up[n] for n in fitted])
    (fitted_p,), *_ = np.linalg.lstsq(x[:, np.newaxis], y, rcond=None)
else:  # one core: no run can show parallelism
    fitted_p = 0.0


def amdahl(p: float, n: np.ndarray) -> np.ndarray:
    return 1 / ((1 - p) + p / n)


print(f"fitted parallel fraction:   p = {fitted_p:.3f}")
print(f"designed parallel fraction: p = {designed_p:.3f}")
print(f"ceiling for this job: {1 / (1 - fitted_p):.1f}x, on any number of cores")
if len(fitted) == 1:
    print(
        f"Only n = {fitted[0]} lies between 2 and the {CORES} cores: the fitted p restates"
        " that one measurement, and the curve passes through its point by construction."
    )
elif not fitted:
    print("One core: no run can show parallelism, and there is nothing to fit.")

# %% [markdown]
# How much the fit proves depends on the machine. With two cores (the first cell says how
# many the build machine had) there is a single *p*(*n*), at *n* = 2: the "fit" only
# restates it, and the fitted curve passes exactly through that point whatever the job
# does. It takes three cores or more for the values of *p*(*n*) to confirm, or refute, the
# law.
#
# The designed *p* is an independent check, on any machine: it times the serial stage
# directly, while the measured values only see how the total time falls as workers are
# added. A measured *p* below the designed one is the cost of parallelism itself —
# starting processes, pickling arguments and results, waiting for the slowest slice —
# which behaves like extra serial work. A measured *p* above it means the single-worker
# run was slowed down by something else, on a shared build machine usually another
# program.

# %%
n = np.linspace(1, worker_counts[-1], 200)
inside = n <= CORES
measured = [speed_up[k] for k in worker_counts]
flat = amdahl(fitted_p, CORES)

fig, ax = plt.subplots(figsize=(7, 4.2))
ax.plot(n, n, ":", color="grey", label="ideal: speed-up = workers")
ax.plot(n, amdahl(designed_p, n), "C0--", label=f"Amdahl, designed p = {designed_p:.2f}")
ax.plot(n[inside], amdahl(fitted_p, n[inside]), "C1", label=f"Amdahl, fitted p = {fitted_p:.2f}")
ax.hlines(flat, CORES, n[-1], color="C1", alpha=0.5, label=f"fitted, but only {CORES} cores")
ax.plot(worker_counts, measured, "C2o", markersize=8, label="measured")
ax.axvline(CORES, color="grey", linewidth=0.8)
ax.set_xlabel("worker processes")
ax.set_ylabel("speed-up over one worker")
ax.set_xticks(worker_counts)
ax.set_ylim(0.8, max(*measured, amdahl(designed_p, n[-1])) * 1.25)
ax.set_title(f"Measured speed-up against Amdahl's law ({CORES} cores)")
ax.grid(alpha=0.3)
ax.legend(loc="upper left", fontsize="small")
plt.show()

# %% [markdown]
# ## Reading the figure
#
# - Up to the number of cores, the fitted curve is drawn through the measured points: it
#   was computed from them, so its closeness to them is no evidence. On two cores it meets
#   the one point at *n* = 2 exactly. The evidence is in the table above: whether *p*(*n*)
#   stays the same from one *n* to the next (with three cores or more), and how the
#   measured *p* compares with the designed one.
# - Past the number of cores the points stop rising, as the pale line predicts: there
#   are no more cores to give, and the extra workers take turns on the existing ones.
#   Those runs took no part in the fit, so this part of the figure is a real test.
# - Even on a machine with many cores, the curve flattens towards 1 / (1 − p). Making the
#   serial stage shorter raises that ceiling; adding cores does not.
#
# To try it yourself, download the notebook (the button at the top of the page), change
# `SERIAL_LIMIT` or `CHUNKS`, and run it. The next page,
# [Choosing a model](../choosing-a-model/), compares threads, processes and `asyncio` on
# the same jobs.
