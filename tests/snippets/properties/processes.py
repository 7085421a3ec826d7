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
