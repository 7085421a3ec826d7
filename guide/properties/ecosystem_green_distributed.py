"""Properties of the green-threads (gevent) and distributed (Dask) examples in Advanced."""

import re

from . import holds_for, number

# --- Green threads: gevent -------------------------------------------------------------


@holds_for("advanced/gevent_sleep.py")
def sleeps_overlap_in_one_thread(output: str, recorded: str) -> None:
    assert "time.sleep is gevent.sleep: True" in output
    assert "threading.Thread is gevent's: gevent.threading" in output
    # 1,000 sleeps of 0.1 s one after the other take 100 s; overlapped, about 0.1 s.
    assert number(r"threading\.Thread, 0\.1 s sleep each: ([\d.]+) s", output) < 5
    assert number(r"gevent\.spawn,\s+0\.1 s sleep each: ([\d.]+) s", output) < 5
    assert "operating-system threads that ran them: 1\n" in output


@holds_for("advanced/gevent_http.py")
def two_hundred_requests_overlap(output: str, recorded: str) -> None:
    assert "200 requests answered, each after 0.2 s of work" in output
    # One at a time they would take 40 s.
    assert number(r"all of them took ([\d.]+) s", output) < 10
    assert number(r"at most (\d+) requests were inside", output) >= 20
    assert "operating-system threads used by server and clients: 1\n" in output


@holds_for("advanced/gevent_threading.py")
def a_computing_greenlet_starves_the_others(output: str, recorded: str) -> None:
    assert number(r"computing without a pause: (\d+)", output) == 0
    number(r"time\.sleep\(0\) every 10,000 rounds: (\d+)", output)  # some or none: not asserted
    # A positive sleep lets the hub run its timers: the heartbeat ticks (30 at most in 0.3 s
    # on an idle machine; a busy one gives the program less of the 0.3 s).
    assert number(r"time\.sleep\(0\.001\) every 10,000 rounds: (\d+)", output) >= 3
    assert "three threads: 3 get_ident() values, 1 get_native_id()" in output


@holds_for("advanced/gevent_blocking_c.py")
def a_blocking_c_call_stops_every_greenlet(output: str, recorded: str) -> None:
    assert number(r"time\.sleep\(0\.3\), patched\s+(\d+) ticks", output) >= 3
    assert number(r"usleep\(300_000\), a C call\s+(\d+) ticks", output) == 0
    assert number(r"in gevent's threadpool\s+(\d+) ticks", output) >= 3


# --- A distributed engine: Dask ------------------------------------------------------------


@holds_for("advanced/dask_as_completed.py")
def results_come_back_as_they_finish(output: str, recorded: str) -> None:
    assert "submitted in this order: slow, quick, medium, short" in output
    rows = re.findall(r"^  (\d)\. (\S+)\s+back after ([\d.]+) s$", output, re.MULTILINE)
    assert [int(n) for n, _, _ in rows] == [1, 2, 3, 4, 5], output
    names = [name for _, name, _ in rows]
    assert sorted(names) == ["follow-up", "medium", "quick", "short", "slow"], names
    # The 0.1 s job on the free worker is back long before the 1.2 s one it was sent after.
    assert names[0] == "quick", names
    assert names.index("follow-up") > names.index("quick")
    times = [float(t) for _, _, t in rows]
    assert times == sorted(times), times


@holds_for("advanced/dask_worker_killed.py")
def the_result_survives_a_killed_worker(output: str, recorded: str) -> None:
    assert "killed the worker process running slow_sum" in output
    assert "slow_sum's result still arrived: 285 (expected 285)" in output
    assert "computed by another process: True" in output
    assert number(r"sent to a worker (\d+) times", output) >= 2
    assert number(r"and finished (\d+) time", output) == 1
    runs = number(r"square ran (\d+) times", output)
    recomputed = number(r"for 10 squares: (\d+) recomputed", output)
    # slow_sum's worker held the squares it had computed itself, and they died with it.
    assert runs == 10 + recomputed and 1 <= recomputed <= 10, output
    assert "workers: 2 (the nanny started a new one)" in output
