import ast
import re

from . import holds_for, number, numbers


@holds_for("asyncio/queue_workers.py")
def every_job_is_handled_exactly_once(output: str, recorded: str) -> None:
    queued = re.findall(r"queued job\s+(\d+); (\d+) waiting \(max 3\)", output)
    assert [int(job) for job, _ in queued] == list(range(1, 11)), queued
    assert all(int(waiting) <= 3 for _, waiting in queued), "the bounded queue overflowed"
    handled = ast.literal_eval(re.search(r"who handled each job: (\{.*\})", output)[1])
    assert sorted(handled) == list(range(1, 11)), handled
    # "AB" or "" would mean a job handled twice or never.
    assert all(who in ("A", "B") for who in handled.values()), handled
    counts = numbers(r"worker [AB]: (\d+) jobs", output)
    assert len(counts) == 2 and sum(counts) == 10 and min(counts) >= 1, counts


@holds_for("asyncio/many_clients.py")
def one_thread_serves_clients_concurrently(output: str, recorded: str) -> None:
    assert "all answers right: True" in output
    assert number(r"at the same time, at most: (\d+)", output) >= 10
    elapsed = number(r"took ([\d.]+) s", output)
    assert elapsed < 1.0, f"50 requests took {elapsed} s: they did not overlap"


@holds_for("asyncio/blocking_freezes_loop.py")
def a_blocking_call_stops_the_heartbeat(output: str, recorded: str) -> None:
    awaiting = number(
        r"await asyncio\.sleep\(0\.2\)\s+longest gap between beats:\s+(\d+) ms", output
    )
    blocking = number(r"time\.sleep\(0\.2\)\s+longest gap between beats:\s+(\d+) ms", output)
    assert awaiting < 100, f"the heartbeat stalled for {awaiting} ms without any blocking call"
    assert blocking >= 190, f"time.sleep(0.2) should stop the heartbeat for 200 ms, not {blocking}"


@holds_for("asyncio/to_thread.py")
def blocking_calls_in_threads_overlap(output: str, recorded: str) -> None:
    assert "['temp=ok', 'door=ok', 'light=ok']" in output
    elapsed = number(r"took ([\d.]+) s together", output)
    assert elapsed < 0.25, f"3 x 100 ms in threads took {elapsed} s: they ran in turn"
    gap = number(r"longest gap between 10 ms heartbeats: (\d+) ms", output)
    assert gap < 80, f"the loop froze for {gap} ms while the threads worked"


@holds_for("asyncio/run_in_executor.py")
def pools_compute_while_the_loop_stays_free(output: str, recorded: str) -> None:
    assert "threads  : 4 x count_primes(120_000)" in output
    assert re.search(r"threads  : .* computed in this process", output), output
    workers = number(r"processes: .* computed in (\d+) other process", output)
    assert 1 <= workers <= 2, workers
    # A loop blocked by the computation could beat at most once, when the jobs were done;
    # a free one beats while they run, at most once per 20 ms. Beside the process pool it
    # keeps most of its beats (a loaded two-core machine: 57 % or more of them, median 85 %);
    # beside the thread pool each beat must also win the GIL back from two workers, which
    # costs it about half of them (29 % or more, median 50 %).
    least_share = {"threads": 1 / 6, "processes": 1 / 3}
    for pool, beats, idle in re.findall(
        r"(threads|processes) *: (\d+) heartbeats while they ran \(at most (\d+),", output
    ):
        beats, idle = int(beats), int(idle)
        assert beats <= idle + 1, f"{pool}: {beats} beats, more than one per 20 ms ({idle})"
        assert beats >= max(3, idle * least_share[pool]), (
            f"{pool}: the loop was not kept free, {beats} heartbeats of at most {idle}"
        )
    assert len(re.findall(r"heartbeats while they ran", output)) == 2, output


@holds_for("asyncio/await_without_suspending.py")
def only_a_pending_future_suspends_the_task(output: str, recorded: str) -> None:
    assert "cache filled: [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]" in output
    inline = re.search(
        r"await lookup\(\) only\s+(\d+) heartbeats, ([\d,]+) awaits, no TimeoutError "
        r"after (\d+) ms",
        output,
    )
    assert inline, output
    # Not one of the awaits reached the loop: no heartbeat, and the timeout never fired
    # although the block ran four times as long as it allowed.
    assert int(inline[1]) == 0, inline[0]
    assert int(inline[2].replace(",", "")) > 1000, inline[0]
    assert int(inline[3]) >= 200, inline[0]
    yielding = re.search(
        r"and asyncio\.sleep\(0\) every 100\s+(\d+) heartbeats, TimeoutError after (\d+) ms",
        output,
    )
    assert yielding, output
    # Each sleep(0) gives the loop a turn: the heartbeat beats, the timeout fires on time
    # (at the first yield after 50 ms, long before the 200 ms are over).
    assert int(yielding[1]) >= 1, yielding[0]
    assert 50 <= int(yielding[2]) < 200, yielding[0]


@holds_for("asyncio/shutdown_signal_handler.py")
def sigterm_lets_every_worker_finish_whole_units(output: str, recorded: str) -> None:
    lines = output.splitlines()
    assert lines[0] == "SIGTERM received: asking the workers to stop", output
    finished = sorted(line.split(":")[0] for line in lines[1:3])
    assert finished == ["alpha", "beta"], output
    assert all(
        re.fullmatch(r"\w+: stop seen, finished after \d+ whole units", x) for x in lines[1:3]
    )
    assert lines[3:] == ["every worker has finished; exiting with status 0"], output


@holds_for("asyncio/httpx_limits.py")
def the_pool_limit_caps_connections_and_requests_in_flight(output: str, recorded: str) -> None:
    assert "statuses: [200] x 9" in output
    peak = number(r"at most (\d+) requests in the server at once", output)
    connections = number(r"over (\d+) connections", output)
    assert 1 <= peak <= 3 and 1 <= connections <= 3, output
    took = number(r"3 at a time: ([\d.]+) s", output)
    assert took >= 0.15, f"nine 50 ms requests, three at a time, took {took} s"


@holds_for("asyncio/cancel_safe_uncancel.py")
def a_leftover_cancel_request_surfaces_in_a_task_group_from_313(output: str, recorded: str) -> None:
    version = re.search(r"^Python 3\.(\d+)", output)
    assert version, output
    without, with_ = output.split("with uncancel():")
    assert "task.cancelling(): 1" in without and "task.cancelling(): 0" in with_, output
    assert (
        "reported the child's ValueError" in without and "reported the child's ValueError" in with_
    )
    assert "main went on to the end" in with_ and "main was cancelled" not in with_, output
    if int(version[1]) >= 13:  # the group passes on what looks like an outside cancellation
        assert "main was cancelled, though nobody asked for it" in without, output
    else:
        assert "main went on to the end" in without and "main was cancelled" not in without
