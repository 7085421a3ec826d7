import ast
import re
import sys

from . import assert_no_speed_up, assert_speed_up, holds_for, number, numbers


def _lines(output: str, pattern: str) -> list[re.Match]:
    return [m for m in (re.search(pattern, line) for line in output.splitlines()) if m]


@holds_for("processes/first_process.py")
def the_child_is_another_process_whose_parent_is_us(output: str, recorded: str) -> None:
    parent = number(r"^parent pid=(\d+)", output)
    started = number(r"after start\(\): +alive=True pid=(\d+) name='greeter'", output)
    children = _lines(output, r"^child  pid=(\d+) parent=(\d+): hello, world$")
    assert len(children) == 2, output
    for child in children:
        assert float(child[1]) == started != parent, "the child runs under the pid start() gave it"
        assert float(child[2]) == parent, "the child's parent is the process that started it"
    assert re.search(r"^created: +alive=False pid=None exitcode=None$", output, re.M), output
    assert re.search(r"after join\(\): +alive=False exitcode=0$", output), output


@holds_for("processes/exit_codes.py")
def exit_codes_tell_how_each_child_ended(output: str, recorded: str) -> None:
    expected = {
        "finish_normally": "0  success",
        "exit_with_status": "3  failure",
        "raise_error": "1  failure",
        "terminate()": "-15  killed by SIGTERM",
        "kill()": "-9  killed by SIGKILL",
    }
    for name, ending in expected.items():
        assert re.search(rf"^{re.escape(name)}\s+exitcode\s+{ending}$", output, re.M), name
    # The failing child printed its own traceback, ending with the error, before it exited.
    assert "Traceback (most recent call last):" in output
    assert output.index("ValueError: bad input") < output.index("raise_error      exitcode")


@holds_for("processes/cpu_count.py")
def a_pinned_child_can_use_one_cpu(output: str, recorded: str) -> None:
    machine = numbers(r"os\.cpu_count\(\)\s+(\d+)", output)
    assert len(machine) == 2 and machine[0] == machine[1] >= 1, "the machine does not change"
    usable = numbers(r"len\(os\.sched_getaffinity\(0\)\) (\d+)", output)
    assert len(usable) == 2, output
    assert 1 <= usable[0] <= machine[0]
    assert usable[1] == 1, "the child pinned itself to one CPU"
    per_process = numbers(r"os\.process_cpu_count\(\)\s+(\d+)", output)
    if sys.version_info >= (3, 13):
        assert per_process == usable, "process_cpu_count() counts the CPUs this process may use"
    else:
        assert per_process == [] and output.count("(needs Python 3.13)") == 2


@holds_for("processes/threads_vs_processes.py")
def only_processes_compute_in_parallel(output: str, recorded: str) -> None:
    results = _lines(output, r"s  (\[.*\])$")
    assert len(results) == 3 and len({m[1] for m in results}) == 1, "same answers every way"
    assert "[6057, 6057, 6057, 6057]" in output
    threads = number(r"threads:\s+speed-up ([\d.]+)x", output)
    processes = number(r"processes: speed-up ([\d.]+)x", output)
    assert_no_speed_up(threads, 1.5, "CPU-bound work in threads on a GIL build")
    assert_speed_up(processes, 1.3, "two processes")


@holds_for("processes/fork_with_threads_warning.py")
def forking_with_threads_warns_from_3_12(output: str, recorded: str) -> None:
    pid = number(r"pid (\d+): forking with 2 threads running", output)
    warnings = _lines(output, r"^DeprecationWarning: (.*)$")
    if sys.version_info < (3, 12):
        assert warnings == [] and output.rstrip().endswith("no warning"), output
        return
    assert len(warnings) == 1, output
    text = warnings[0][1]
    assert "multi-threaded" in text and "fork()" in text, text
    assert number(r"pid=(\d+)", text) == pid, "the warning names the parent that forked"


@holds_for("processes/chunksize.py")
def tiny_tasks_one_at_a_time_cost_most(output: str, recorded: str) -> None:
    one = number(r"chunksize=1 +([\d.]+) ms", output)
    default = number(r"chunksize=default +([\d.]+) ms", output)
    thousand = number(r"chunksize=1000 +([\d.]+) ms", output)
    assert one > 3 * thousand, f"chunksize=1 took {one} ms, chunksize=1000 {thousand} ms"
    assert one > 3 * default, f"chunksize=1 took {one} ms, the default {default} ms"


@holds_for("processes/imap_unordered.py")
def unordered_results_arrive_as_they_finish(output: str, recorded: str) -> None:
    ordered = _lines(output, r"^imap +got ([\d.]+) s task after ([\d.]+) s$")
    unordered = _lines(output, r"^imap_unordered +got ([\d.]+) s task after ([\d.]+) s$")
    assert [m[1] for m in ordered] == ["0.4", "0.1", "0.1", "0.1"], "imap keeps input order"
    assert sorted(m[1] for m in unordered) == ["0.1", "0.1", "0.1", "0.4"]
    # imap waits for the slow first task before yielding anything ...
    assert float(ordered[0][2]) >= 0.38, output
    # ... imap_unordered yields a quick task first, long before the slow one is done.
    assert unordered[0][1] == "0.1" and float(unordered[0][2]) < 0.3, output
    assert unordered[0][1] != "0.4"


@holds_for("processes/max_tasks_per_child.py")
def workers_are_replaced_after_their_quota(output: str, recorded: str) -> None:
    def counts(label: str) -> tuple[int, int, list[int]]:
        match = re.search(
            rf"^{label}: (\d+) tasks ran in (\d+) processes, tasks per process \[(.*)\]$",
            output,
            re.M,
        )
        assert match, output
        return int(match[1]), int(match[2]), [int(n) for n in match[3].split(", ")]

    tasks, processes, per_process = counts("Pool")
    assert tasks == sum(per_process) == 12 and processes == len(per_process)
    assert max(per_process) <= 3 and processes >= 4, per_process
    tasks, processes, per_process = counts("ProcessPoolExecutor")
    assert tasks == 4 and per_process == [1, 1, 1, 1], per_process


@holds_for("processes/pickling_cost.py")
def moving_the_data_costs_more_than_the_work(output: str, recorded: str) -> None:
    local = number(r"sum in this process +([\d.]+) ms", output)
    send_list = number(r"send the list to a worker, sum there +([\d.]+) ms", output)
    send_size = number(r"send its size, sum there +([\d.]+) ms", output)
    assert output.count("(result 499,999,500,000)") == 3
    assert number(r"pickling the list: ([\d.]+) MB", output) > 4  # about 5 bytes per int
    assert send_list > 3 * local, f"sending took {send_list} ms, summing here {local} ms"
    assert send_list > send_size, (send_list, send_size)


@holds_for("processes/queue_poison_pill.py")
def every_item_is_consumed_exactly_once(output: str, recorded: str) -> None:
    handled = numbers(r"consumer-\d got the pill after (\d+) items", output)
    assert len(handled) == 2 and sum(handled) == 20, output
    assert "20 results; every item exactly once: True" in output
    assert "sum of squares: 2870" in output  # 1² + 2² + ... + 20²


@holds_for("processes/value_race.py")
def unlocked_updates_are_lost_and_locked_ones_are_not(output: str, recorded: str) -> None:
    lost_unlocked = number(r"without a lock .* lost ([\d,]+)", output)
    assert lost_unlocked > 0, "two processes adding without a lock lost no update"
    assert re.search(r"with get_lock\(\) +100,000 of 100,000  lost 0$", output, re.M), output


@holds_for("processes/word_count.py")
def map_reduce_counts_the_same_faster(output: str, recorded: str) -> None:
    first_line = output.splitlines()[0]
    assert first_line == recorded.splitlines()[0], "the text and its counts never change"
    speed_up = number(r"speed-up: ([\d.]+)x", output)
    assert_speed_up(speed_up, 1.3, "counting on two processes")


@holds_for("processes/tree_reduction.py")
def tree_reduction_gives_the_same_product_faster(output: str, recorded: str) -> None:
    assert output.splitlines()[0] == recorded.splitlines()[0], "the product never changes"
    assert "(4 rounds)" in output  # 16 -> 8 -> 4 -> 2 -> 1
    speed_up = number(r"speed-up: ([\d.]+)x", output)
    assert_speed_up(speed_up, 1.3, "the tree on two workers")


@holds_for("processes/image_batch.py")
def threads_and_processes_both_handle_the_images_faster(output: str, recorded: str) -> None:
    assert output.startswith("8 images processed: image-00-small.png ... image-07-small.png")
    threads = number(r"(?m)^2 threads:\s+[\d.]+ s\s+speed-up ([\d.]+)x", output)
    processes = number(r"(?m)^2 processes:\s+[\d.]+ s\s+speed-up ([\d.]+)x", output)
    # Pillow releases the GIL in its C operations, so two threads use two cores too (about
    # 1.6x on an idle two-core machine, like the processes); which of the two wins varies.
    assert_speed_up(threads, 1.25, "two threads calling Pillow")
    assert_speed_up(processes, 1.3, "two processes")


@holds_for("processes/interpreter_pool.py")
def interpreters_compute_in_parallel(output: str, recorded: str) -> None:
    results = _lines(output, r"s  (\[.*\])$")
    assert len(results) == 2 and results[0][1] == results[1][1], output
    if number(r"CPUs usable here: (\d+)", output) >= 2:
        speed_up = number(r"speed-up: ([\d.]+)x", output)
        assert_speed_up(speed_up, 1.3, "two interpreters")


@holds_for("processes/broken_pool.py")
def a_crashed_worker_breaks_the_pool(output: str, recorded: str) -> None:
    tasks = _lines(output, r"^task (\d): (.*)$")
    assert [int(m[1]) for m in tasks] == list(range(6)), output
    for match in tasks:
        n, outcome = int(match[1]), match[2]
        assert outcome in (str(n * 10), "BrokenProcessPool"), match[0]
    assert tasks[3][2] == "BrokenProcessPool", "the task whose worker died cannot have a result"
    assert output.rstrip().endswith("BrokenProcessPool, the executor cannot be reused")


@holds_for("processes/start_methods.py")
def a_context_picks_the_method_and_the_default_is_set_once(output: str, recorded: str) -> None:
    available = ast.literal_eval(re.search(r"^available: (\[.*\])$", output, re.M)[1])
    default = ast.literal_eval(re.search(r"^default:\s+('\w+')$", output, re.M)[1])
    assert default == available[0], (default, available)  # the platform's default comes first
    if sys.platform == "linux":
        assert default == ("forkserver" if sys.version_info >= (3, 14) else "fork"), default
    lines = output.splitlines()
    assert lines[2:] == [
        "  child started with 'spawn'",
        "  child started with 'forkserver'",
        "set_start_method after use: RuntimeError: context has already been set",
    ], lines


@holds_for("processes/subprocess_popen_many.py")
def popen_children_run_side_by_side(output: str, recorded: str) -> None:
    delays = ["1.2", "0.8", "1.6", "0.4"]
    children = _lines(output, r"^([\d.]+) s child: 'slept ([\d.]+) s', exit code (\d+)$")
    assert [(m[1], m[2], m[3]) for m in children] == [(d, d, "0") for d in delays], output
    assert number(r"started 4 children in ([\d.]+) s", output) < 1.0, "Popen does not wait"
    total = number(r"all done after ([\d.]+) s", output)
    # At least the longest child; well under the 4.0 s that one after another would need.
    assert 1.6 <= total < 3.2, total


@holds_for("processes/subprocess_thread_pool.py")
def three_runners_six_jobs(output: str, recorded: str) -> None:
    import zlib

    jobs = _lines(output, r"^'document (\d)': crc32 +(\d+)  \(ran from (runner_\d)\)$")
    assert [m[1] for m in jobs] == [str(n) for n in range(6)], "map keeps the input order"
    for m in jobs:
        expected = zlib.crc32((f"document {m[1]}" * 1000).encode())
        assert int(m[2]) == expected, f"the child's checksum of document {m[1]}"
    assert {m[3] for m in jobs} <= {"runner_0", "runner_1", "runner_2"}, output
    elapsed = number(r"3 at a time: ([\d.]+) s", output)
    assert 1.0 <= elapsed < 2.9, f"two rounds of 0.5 s, not six: {elapsed}"


@holds_for("processes/subprocess_asyncio_stream.py")
def lines_arrive_while_children_run(output: str, recorded: str) -> None:
    seen = _lines(output, r"^ *([\d.]+) s  (slow|quick): line (\d) of (\d)$")
    assert len(seen) == 7, output
    times = [float(m[1]) for m in seen]
    assert times == sorted(times), "printed as they arrived"
    arrived: dict[str, list[float]] = {"slow": [], "quick": []}
    for m in seen:
        arrived[m[2]].append(float(m[1]))
        assert int(m[3]) == len(arrived[m[2]]) and m[4] == {"slow": "3", "quick": "4"}[m[2]]
    for name, pause in (("slow", 0.6), ("quick", 0.25)):
        for n, t in enumerate(arrived[name], 1):
            assert t >= n * pause - 0.01, f"{name} line {n} cannot arrive before {n * pause} s"
    # Streaming: the first line was handled long before the child wrote its last one.
    assert arrived["quick"][-1] - arrived["quick"][0] >= 0.5, arrived
    assert arrived["slow"][-1] - arrived["slow"][0] >= 0.9, arrived
    assert "exit codes: slow 0, quick 0" in output
    assert number(r"both finished after ([\d.]+) s", output) >= arrived["slow"][-1]


@holds_for("processes/subprocess_pipe_deadlock.py")
def waiting_without_reading_blocks_only_big_output(output: str, recorded: str) -> None:
    capacity = number(r"a pipe holds ([\d,]+) bytes here", output)
    assert 4096 <= capacity < 1_000_000, capacity
    rest = output.split("\n", 1)[1]
    assert rest == recorded.split("\n", 1)[1], "the four outcomes are the same on every run"


@holds_for("processes/proc_sync_lock.py")
def the_lock_keeps_every_record_whole(output: str, recorded: str) -> None:
    unlocked = number(r"without a lock: +(\d+) of 200 records intact", output)
    assert unlocked < 200, "four writers with a pause inside each record interleave"
    assert re.search(r"^with a lock: +200 of 200 records intact$", output, re.M), output
    assert output.rstrip().endswith("while the parent holds the lock: False"), output


@holds_for("processes/proc_sync_semaphore.py")
def two_slots_two_inside(output: str, recorded: str) -> None:
    assert "6 processes, 2 slots: at most 2 inside at once" in output, output
    elapsed = number(r"2 at a time: ([\d.]+) s", output)
    assert elapsed >= 0.9 - 0.01, "six 0.3 s sections, two at a time, take three rounds"


@holds_for("processes/connection_wait.py")
def wait_hands_over_each_pipe_once(output: str, recorded: str) -> None:
    assert sorted(output.splitlines()) == sorted(recorded.splitlines()), output


@holds_for("processes/proc_sync_manager_cost.py")
def a_manager_round_trip_costs_most(output: str, recorded: str) -> None:
    assert "increments done: [500000, 500000, 10000]" in output, output
    local = number(r"local dict +([\d.]+) µs", output)
    value = number(r"shared Value +([\d.]+) µs", output)
    manager = number(r"Manager dict +([\d.,]+) µs", output)
    assert value > 2 * local, f"a lock and shared memory cost more than a dict: {value}, {local}"
    assert manager > 5 * value, f"two messages to another process: {manager} vs {value} µs"


@holds_for("processes/signal_pool_workers.py")
def only_workers_that_ignore_sigint_survive_until_terminate(output: str, recorded: str) -> None:
    default, ignoring = output.split("workers that ignore SIGINT:\n")
    pattern = r"^  a worker: KeyboardInterrupt in the middle of task (\d)$"
    assert sorted(m[1] for m in _lines(default, pattern)) == ["0", "1"], default
    assert "  parent: KeyboardInterrupt; a second later 0 workers are alive" in default
    assert "  the workers' exit codes after terminate(): [1, 1]" in default
    assert "a worker:" not in ignoring, ignoring
    assert "  parent: KeyboardInterrupt; a second later 2 workers are alive" in ignoring
    assert "  the workers' exit codes after terminate(): [-15, -15]" in ignoring


@holds_for("processes/stop_terminate_workers.py")
def terminate_workers_stops_the_pool_at_once(output: str, recorded: str) -> None:
    assert "2 workers terminated, all ended: True" in output, output
    broken = re.search(r"^BrokenProcessPool: jobs \[([\d, ]+)\]$", output, re.M)
    cancelled = re.search(r"^cancelled: jobs \[([\d, ]+)\]$", output, re.M)
    assert broken and cancelled, output
    broken_jobs = [int(n) for n in broken[1].split(", ")]
    cancelled_jobs = [int(n) for n in cancelled[1].split(", ")]
    assert sorted(broken_jobs + cancelled_jobs) == list(range(6)), output
    assert {0, 1} <= set(broken_jobs), "the two running jobs end with BrokenProcessPool"
    took = number(r"stopped ([\d.]+) s after the first result\(\) call", output)
    assert took < 5, f"took {took} s: the workers were not stopped at once"
