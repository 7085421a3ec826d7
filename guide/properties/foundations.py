import re
import sys

from . import assert_no_speed_up, assert_speed_up, holds_for, number


@holds_for("foundations/cpu_bound_no_overlap.py")
def threads_give_no_real_speed_up_on_a_gil_build(output: str, recorded: str) -> None:
    assert "primes below 60,000: 6,057 (computed 4 times)" in output
    speed_up = number(r"speed-up: ([\d.]+)x", output)
    # One interpreter lock: four threads cannot beat one by much (free-threaded builds can).
    assert speed_up < 1.5, f"threads ran CPU-bound work {speed_up}x faster"


@holds_for("foundations/io_bound_overlap.py")
def waits_overlap(output: str, recorded: str) -> None:
    sequential = number(r"one after another\s+([\d.]+) s", output)
    concurrent = number(r"all at once\s+([\d.]+) s", output)
    assert 0.75 <= sequential < 1.0, sequential  # 0.3 + 0.2 + 0.25
    assert 0.3 <= concurrent < 0.5, concurrent  # the longest wait
    assert number(r"speed-up: ([\d.]+)x", output) >= 1.8


@holds_for("foundations/threads_io_bound.py")
def thread_waits_overlap(output: str, recorded: str) -> None:
    sequential = number(r"one after another\s+([\d.]+) s", output)
    threaded = number(r"three threads\s+([\d.]+) s", output)
    assert 0.75 <= sequential < 1.0, sequential  # 0.3 + 0.2 + 0.25
    assert 0.3 <= threaded < 0.5, threaded  # the longest wait
    assert output.count("['index.html', 'style.css', 'logo.png']") == 2  # order kept


def _gil_enabled(output: str) -> bool:
    match = re.search(r"GIL enabled: (True|False)", output)
    return match is None or match[1] == "True"


@holds_for("foundations/process_pool_cpu_bound.py")
def processes_compute_in_parallel(output: str, recorded: str) -> None:
    cores = number(r"cores: (\d+)", output)
    sequential = number(r"one after another: ([\d.]+) s", output)
    pooled = number(r"process pool:\s+([\d.]+) s", output)
    if cores >= 2:
        # Two cores at most here, minus the cost of starting the processes.
        assert_speed_up(sequential / pooled, 1.18, "the process pool")


@holds_for("foundations/cpu_or_io.py")
def waiting_and_computing_are_told_apart(output: str, recorded: str) -> None:
    download = number(r"fake_download .*\(\s*(\d+)%\)", output)
    compute = number(r"count_primes .*\(\s*(\d+)%\)", output)
    assert download <= 10, f"sleeping used {download}% CPU"
    assert compute > 25, f"computing used only {compute}% CPU"
    assert re.search(r"fake_download .*: I/O-bound$", output, re.MULTILINE)
    assert re.search(r"count_primes .*: CPU-bound$", output, re.MULTILINE)


# Which version added each feature, as whats_available.py lists it.
FEATURE_VERSIONS = {
    "threading": (1, 5),
    "multiprocessing": (2, 6),
    "concurrent.futures": (3, 2),
    "asyncio": (3, 4),
    "asyncio.run": (3, 7),
    "asyncio.to_thread": (3, 9),
    "asyncio.TaskGroup": (3, 11),
    "asyncio.timeout": (3, 11),
    "asyncio.eager_task_factory": (3, 12),
    "queue.Queue.shutdown": (3, 13),
    "asyncio.Queue.shutdown": (3, 13),
    "sys._is_gil_enabled": (3, 13),
    "concurrent.interpreters": (3, 14),
    "InterpreterPoolExecutor": (3, 14),
}


@holds_for("foundations/whats_available.py")
def features_match_the_version(output: str, recorded: str) -> None:
    match = re.search(r"^Python (\d+)\.(\d+)$", output, re.MULTILINE)
    assert match, output
    version = (int(match[1]), int(match[2]))
    seen = {}
    for line in re.finditer(r"^  (yes|no)\s+(\S+) \((\d+)\.(\d+)\)$", output, re.MULTILINE):
        present, name = line[1] == "yes", line[2]
        assert (int(line[3]), int(line[4])) == FEATURE_VERSIONS[name], name
        seen[name] = present
    assert set(seen) == set(FEATURE_VERSIONS), sorted(set(FEATURE_VERSIONS) ^ set(seen))
    for name, present in seen.items():
        assert present == (version >= FEATURE_VERSIONS[name]), (
            f"{name} is {'present' if present else 'missing'} on Python {version}"
        )


@holds_for("foundations/interpreter_facts.py")
def the_interpreter_describes_itself(output: str, recorded: str) -> None:
    import platform
    import sys
    import sysconfig

    assert f"implementation: CPython {platform.python_version()}" in output
    assert number(r"switch every:\s+([\d.]+) ms", output) == 5  # the default, 0.005 s
    if sysconfig.get_config_var("Py_GIL_DISABLED"):
        assert "GIL:            free-threaded build" in output
    else:
        assert "GIL:            standard build: one GIL" in output
    method = re.search(r"start method:\s+(\w+)", output)
    assert method, output
    if sys.platform == "linux":
        assert method[1] == ("forkserver" if sys.version_info >= (3, 14) else "fork")


@holds_for("foundations/compare_io_bound.py")
def every_model_overlaps_waits(output: str, recorded: str) -> None:
    times = dict(re.findall(r"^(\w[\w ]*?)\s+([\d.]+) s", output, re.MULTILINE))
    in_turn = float(times["in turn"])
    assert 2.0 <= in_turn < 4.0, in_turn  # ten waits of 200 ms
    for model, limit in [("threads", 0.5), ("asyncio", 0.5), ("processes", 0.75)]:
        # The waits overlap: about one wait instead of ten (processes pay for starting ten
        # workers, 0.25-0.5 s with forkserver since 3.14). The margins leave room for a
        # stall of several tenths of a second on a busy machine.
        assert float(times[model]) < limit * in_turn, f"{model}: {times[model]} s"


@holds_for("foundations/compare_cpu_bound.py")
def only_processes_compute_in_parallel_on_a_gil_build(output: str, recorded: str) -> None:
    cores = number(r"cores: (\d+)", output)
    speed_ups = dict(re.findall(r"^(\w[\w ]*?)\s+[\d.]+ s\s+speed-up\s+([\d.]+)x", output, re.M))
    assert set(speed_ups) == {"in turn", "threads", "processes", "asyncio"}, speed_ups
    # Coroutines that never await run one by one.
    assert_no_speed_up(float(speed_ups["asyncio"]), 1.3, "asyncio")
    if _gil_enabled(output):  # one GIL: threads take turns
        assert_no_speed_up(float(speed_ups["threads"]), 1.3, "threads on a GIL build")
    elif cores >= 2:
        assert_speed_up(float(speed_ups["threads"]), 1.4, "free-threaded threads")
    if cores >= 2:  # about 1.8x on an idle two-core machine
        assert_speed_up(float(speed_ups["processes"]), 1.3, "processes")


@holds_for("foundations/blocking_the_loop.py")
def a_blocking_call_freezes_the_loop(output: str, recorded: str) -> None:
    expected = number(r"at most (\d+) ticks", output)
    assert number(r"blocking_call\s+heartbeats: (\d+)", output) == 0
    # The heartbeat keeps ticking (a tick or two may be lost to timer drift and load).
    assert number(r"offloaded_call\s+heartbeats: (\d+)", output) >= expected - 3
    assert number(r"awaiting_call\s+heartbeats: (\d+)", output) >= expected - 3


@holds_for("foundations/startup_cost.py")
def each_model_costs_an_order_of_magnitude_more_to_start(output: str, recorded: str) -> None:
    def each(label: str) -> float:
        """Seconds to start and finish one, from a line such as '  thread   35 µs'."""
        value, unit = re.search(
            rf"^  {re.escape(label)}\s+([\d,.]+) (µs|ms)$", output, re.M
        ).groups()
        return float(value.replace(",", "")) * (1e-6 if unit == "µs" else 1e-3)

    task, thread = each("asyncio task"), each("thread")
    fork, forkserver, spawn = (each(f"process ({m})") for m in ("fork", "forkserver", "spawn"))
    # Orders of magnitude apart on an idle machine (about 3 µs, 35 µs, 2 ms, 50 ms); the
    # margins are far narrower, so that a busy machine, which slows every batch, cannot break them.
    assert task * 3 < thread, f"task {task}, thread {thread}"
    assert thread * 3 < min(fork, forkserver, spawn), f"thread {thread}, processes {fork}, {spawn}"
    # spawn starts a new interpreter and imports the script for every child; fork copies this
    # process, and the fork server forks from a process it started once.
    assert fork * 3 < spawn and forkserver < spawn, f"{fork}, {forkserver}, {spawn}"
    server = float(re.search(r"starts the server: ([\d,.]+) ms", output)[1].replace(",", ""))
    assert server * 1e-3 > forkserver, "starting the server costs more than forking a child"
    if sys.version_info >= (3, 14):
        interpreter = each("interpreter (3.14)")  # about 7 ms on an idle machine
        assert fork < interpreter and interpreter * 2 < spawn, (fork, interpreter, spawn)
    else:
        assert "interpreter" not in output
    assert re.search(r"^default start method here: (fork|forkserver|spawn)$", output, re.M)


@holds_for("foundations/subinterpreters_cpu_bound.py")
def interpreters_compute_in_parallel(output: str, recorded: str) -> None:
    cores = number(r"cores: (\d+)", output)
    sequential = number(r"one after another:\s+([\d.]+) s", output)
    parallel = number(r"threads with interpreters:\s+([\d.]+) s", output)
    if cores >= 2:
        assert_speed_up(sequential / parallel, 1.18, "threads with interpreters")
