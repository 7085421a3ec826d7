"""Invariants of the threads section's snippets whose output varies between runs."""

import re

from . import holds_for, number, numbers


@holds_for("threads/start_and_join.py")
def threads_overlap_and_finish_shortest_first(output: str, recorded: str) -> None:
    assert "started 3 threads" in output
    assert "ready in this order: ['tea', 'latte', 'espresso']" in output  # 0.03 < 0.09 < 0.15 s
    took = number(r"took ([\d.]+) s", output)
    assert 0.14 <= took < 0.27, f"three overlapping waits took {took} s, their sum is 0.27 s"
    assert "one after another would take 0.27 s" in output


@holds_for("threads/race_and_lock.py")
def unlocked_updates_are_lost_and_locked_ones_are_not(output: str, recorded: str) -> None:
    lost_unlocked = number(r"without a lock: [\d,]+ of 4,000 \(lost ([\d,]+)\)", output)
    assert lost_unlocked > 0, "the unlocked read-sleep-write lost no update"
    assert "with a lock:    4,000 of 4,000 (lost 0)" in output


@holds_for("threads/condition_buffer.py")
def every_item_is_consumed_once_and_the_buffer_stays_bounded(output: str, recorded: str) -> None:
    assert "every item consumed exactly once: True" in output
    taken = numbers(r"consumer-\d took\s+(\d+):", output)
    assert len(taken) == 2 and sum(taken) == 12, taken
    largest = number(r"largest buffer seen: (\d+) \(capacity 3\)", output)
    assert 1 <= largest <= 3, f"the buffer held {largest} items, capacity 3"


@holds_for("threads/queue_workers.py")
def the_queue_hands_every_job_to_exactly_one_worker(output: str, recorded: str) -> None:
    assert "15 results, every job once: True" in output
    assert "sum of squares: 1015" in output
    per_worker = numbers(r"'worker-\d': (\d+)", output)
    assert len(per_worker) <= 3 and sum(per_worker) == 15, per_worker


@holds_for("threads/queue_sentinel.py")
def sentinels_end_every_consumer_after_all_words(output: str, recorded: str) -> None:
    per_consumer = numbers(r"'consumer-\d': (\d+)", output)
    assert len(per_consumer) == 3 and sum(per_consumer) == 36, per_consumer
    assert "all words consumed: True" in output
    assert "all consumers ended: True" in output


@holds_for("threads/pool_max_workers.py")
def more_workers_finish_waiting_work_sooner(output: str, recorded: str) -> None:
    match = re.search(
        r"CPUs usable: (\d+); default max_workers = min\(32, \1 \+ 4\) = (\d+)", output
    )
    assert match, output
    assert int(match[2]) == min(32, int(match[1]) + 4)
    two = number(r"2 workers: ([\d.]+) s", output)
    eight = number(r"8 workers: ([\d.]+) s", output)
    sixteen = number(r"16 workers: ([\d.]+) s", output)
    assert two >= 0.31, f"8 waves of 0.04 s took {two} s"  # 0.32 s, printed rounded
    assert 0.07 <= eight < 0.6 * two, (eight, two)
    assert 0.03 <= sixteen < 0.6 * two, (sixteen, two)


@holds_for("threads/http_sequential_vs_threaded.py")
def threaded_requests_are_clearly_faster(output: str, recorded: str) -> None:
    sequential = number(r"one after another: ([\d.]+) s", output)
    threaded = number(r"ten threads:\s+([\d.]+) s", output)
    assert sequential >= 0.49, f"ten 50 ms requests in turn took only {sequential} s"
    assert threaded < 0.4 * sequential, f"threads {threaded} s vs in turn {sequential} s"
    assert number(r"speed-up: ([\d.]+)x", output) >= 2.5


@holds_for("threads/http_peak_concurrency.py")
def the_client_pool_bounds_the_requests_in_flight(output: str, recorded: str) -> None:
    runs = re.findall(r"max_workers=(\d+): statuses \{204\}, peak in flight (\d+)", output)
    assert [int(workers) for workers, _ in runs] == [1, 4, 8], output
    for workers, peak in ((int(w), int(p)) for w, p in runs):
        assert peak <= workers, f"{peak} requests in flight from a pool of {workers}"
        assert peak > workers // 2, f"only {peak} of {workers} threads overlapped"


def _dumped_threads(output: str) -> list[str]:
    """The blocks of a faulthandler dump, one per thread (since 3.14 with its name)."""
    return re.findall(
        r"(?m)^(?:Current thread|Thread) 0x[0-9a-f]+(?: \[[^\]]*\])? \(most recent call first\):",
        output,
    )


@holds_for("threads/faulthandler_dump.py")
def the_dump_shows_both_parked_workers_and_the_main_thread(output: str, recorded: str) -> None:
    assert output.startswith("--- every thread's stack, innermost call first ---\n")
    assert output.rstrip().endswith("--- end of dump ---")
    assert len(_dumped_threads(output)) == 3, output
    assert len(re.findall(r"(?m)^Current thread 0x[0-9a-f]+", output)) == 1
    own = 'File "snippets/threads/faulthandler_dump.py"'
    assert output.count(f"{own}, line 16 in wait_for_orders") == 2, output
    assert output.count(f"{own}, line 20 in stuck_worker") == 2, output
    assert f"{own}, line 29 in <module>" in output


@holds_for("threads/faulthandler_watchdog.py")
def the_watchdog_fires_while_main_waits_in_join(output: str, recorded: str) -> None:
    lines = output.splitlines()
    assert lines[0] == "Timeout (0:00:00.100000)!", lines[0]
    assert len(_dumped_threads(output)) == 2, output
    own = 'File "snippets/threads/faulthandler_watchdog.py"'
    assert f"{own}, line 19 in slow_shutdown" in output
    assert re.search(r"line \d+ in join\n\s+" + re.escape(own) + r", line 27 in <module>", output)
    assert lines[-1] == "joined at last; the dump above shows who we waited for"


@holds_for("threads/switch_interval.py")
def a_waking_thread_waits_about_one_switch_interval(output: str, recorded: str) -> None:
    assert "default switch interval: 5 ms" in output
    one = number(r"interval\s+1 ms: woke\s+([\d.]+) ms late", output)
    five = number(r"interval\s+5 ms: woke\s+([\d.]+) ms late", output)
    fifty = number(r"interval\s+50 ms: woke\s+([\d.]+) ms late", output)
    # The busy thread is asked to drop the GIL only after the waiter has waited an interval.
    assert five >= 4.5 and fifty >= 45, (five, fifty)
    assert one < fifty / 2 and five < fifty / 2, (one, five, fifty)


@holds_for("threads/measure_threads.py")
def waiting_costs_wall_time_but_no_cpu_time(output: str, recorded: str) -> None:
    fastest = number(r"fastest (\d+) µs", output)
    median = number(r"median (\d+) µs", output)
    assert 0 < fastest <= median < 5_000, (fastest, median)
    sleep_wall = number(r"sleeping thread: wall ([\d.]+) s", output)
    sleep_cpu = number(r"sleeping thread: .*CPU \(thread_time\) ([\d.]+) s", output)
    spin_wall = number(r"spinning thread: wall ([\d.]+) s", output)
    spin_cpu = number(r"spinning thread: .*CPU \(thread_time\) ([\d.]+) s", output)
    assert sleep_wall >= 0.05 and sleep_cpu < 0.01, (sleep_wall, sleep_cpu)  # waiting is free
    assert spin_cpu >= 0.05 and spin_wall >= spin_cpu - 0.001, (spin_wall, spin_cpu)


@holds_for("threads/lazy_double_checked.py")
def a_plain_check_makes_several_clients_double_checking_one(output: str, recorded: str) -> None:
    created = number(r"Unlocked: 8,000 calls; clients created: (\d+)", output)
    in_use = number(r"Unlocked: .*in use: (\d+)", output)
    # Every thread waits at a barrier, then checks: the first client takes 50 ms to make,
    # so at least one other thread passes the check before it is stored.
    assert 2 <= created <= 8 and 2 <= in_use <= created, output
    assert "DoubleChecked: 8,000 calls; clients created: 1, in use: 1; lock acquisitions:" in output
    locked = number(r"lock acquisitions: (\d+)", output)
    assert 1 <= locked <= 8, f"{locked} lock acquisitions: only a thread that saw None takes it"


@holds_for("threads/lazy_functools_cache.py")
def cache_may_call_twice_and_a_lock_makes_it_once(output: str, recorded: str) -> None:
    calls = number(r"load_settings: 6 callers; real calls: (\d+)", output)
    distinct = number(r"load_settings: .*distinct results: (\d+)", output)
    assert 2 <= calls <= 6 and 1 <= distinct <= calls, output
    assert "load_settings_locked: 6 callers; real calls: 1, distinct results: 1" in output
    hits = number(r"CacheInfo\(hits=(\d+)", output)
    misses = number(r"misses=(\d+)", output)
    assert hits + misses == 6 and misses == calls and "currsize=1)" in output, output


@holds_for("threads/stop_interrupted_waits.py")
def ctrl_c_interrupts_each_wait_and_the_workers_run_on(output: str, recorded: str) -> None:
    import sys

    for what in ("thread.join()", "queue.get()", "future.result()"):
        line = f"{what:<16} KeyboardInterrupt, within a second of the signal: True"
        assert line in output, f"{what} was not interrupted promptly:\n{output}"
    # Before 3.13 an interrupted join() marks the thread dead while it runs (cpython#90882).
    alive = sys.version_info >= (3, 13)
    assert f"  worker finished: False; is_alive() says {alive}" in output, output
    assert "  the job is still running: True" in output
    assert output.endswith("every wait was interrupted; the workers ran on until told to stop\n")


@holds_for("threads/stop_event_vs_daemon.py")
def the_stop_event_ends_the_saver_cleanly_and_the_daemon_is_abandoned(
    output: str, recorded: str
) -> None:
    assert re.search(r"^saver: stop seen after item \d+; closing the file$", output, re.M), output
    assert "main: the saver has ended, stop set = True, whole items only = True" in output
    assert output.endswith("at exit: daemon still alive = True\n"), output
    assert "heartbeat: cleaning up" not in output


@holds_for("threads/stop_pool_ctrl_c.py")
def cancel_futures_drops_the_queued_jobs(output: str, recorded: str) -> None:
    plain = re.search(r"plain with block   : 12 of 12 jobs ran,  0 cancelled, ([\d.]+) s", output)
    assert plain, f"the plain with block did not run every job:\n{output}"
    assert float(plain[1]) >= 0.29, "12 jobs of 0.05 s on 2 workers take 0.30 s"
    cut = re.search(
        r"cancel_futures=True: +(\d+) of 12 jobs ran, +(\d+) cancelled, ([\d.]+) s", output
    )
    assert cut, output
    ran, cancelled, took = int(cut[1]), int(cut[2]), float(cut[3])
    assert ran + cancelled == 12 and 2 <= ran < 12, output
    assert took < float(plain[1]), output
