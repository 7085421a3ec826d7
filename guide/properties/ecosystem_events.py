"""Invariants of the event-driven and reactive pages (advanced/event-driven.md,
advanced/reactive.md)."""

import re

from . import holds_for, number

# --- Event-driven programming -----------------------------------------------------------


@holds_for("advanced/evt_call_soon_later.py")
def callbacks_run_in_order_and_never_early(output: str, recorded: str) -> None:
    rows = re.findall(r"^(.+?)\s+ran after ([\d.]+) s$", output, re.MULTILINE)
    names = [name for name, _ in rows]
    assert names == [
        "call_soon #1",
        "call_soon #2",
        "call_at(start + 0.1)",
        "call_later(0.2)",
        "blocker (slept 0.5 s)",
        "due at 0.35, ran late",
    ], names
    assert "cancelled" not in output
    at = {name: float(t) for name, t in rows}
    # A timer may run up to the clock's resolution early, which rounds to the same tenth.
    assert at["call_at(start + 0.1)"] >= 0.1, at
    assert at["call_later(0.2)"] >= 0.2, at
    # The blocker starts at 0.3 s or later and sleeps 0.5 s; the timer due at 0.35 waits for it.
    assert at["blocker (slept 0.5 s)"] >= 0.8, at
    assert at["due at 0.35, ran late"] >= at["blocker (slept 0.5 s)"], at


# --- Reactive programming ---------------------------------------------------------------


@holds_for("advanced/rx_schedulers.py")
def lookups_run_on_at_most_three_pool_threads(output: str, recorded: str) -> None:
    assert (
        "results, sorted: [('Accra', 5), ('Hanoi', 5), ('Lima', 4), ('Oslo', 4), "
        "('Perth', 5), ('Quito', 5)]" in output
    ), output
    assert "lookups ran on the main thread: False" in output
    assert 1 <= number(r"worker threads used: (\d+) \(at most 3\)", output) <= 3
    # Six lookups of at least 0.1 s each on at most three threads need two rounds.
    assert number(r"six 0.1 s lookups took ([\d.]+) s", output) >= 0.2


@holds_for("advanced/rx_backpressure.py")
def push_queues_without_limit_and_a_bounded_queue_holds_back(output: str, recorded: str) -> None:
    # The producer's 40 on_next calls return long before 40 items of at least 5 ms each
    # are consumed (0.2 s): most of them wait in the unbounded queue.
    assert number(r"rx: producer sent 40; consumer had handled (\d+);", output) <= 20
    assert "rx: consumer caught up later: handled 40" in output
    # A queue of three lets the producer finish only when the consumer is four behind: three
    # waiting and one in its hands. asyncio runs one task at a time, so this never varies.
    assert "asyncio: producer sent 40; consumer had handled 36; queue holds 3" in output
