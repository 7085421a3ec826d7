# /// script
# dependencies = ["reactivex"]
# ///
"""Debounce a burst of keystrokes and merge in a second stream, on a TestScheduler:
virtual time, so the output is the same on any machine. One tick stands for 1 ms."""

import reactivex
from reactivex import operators as ops
from reactivex.testing import ReactiveTest, TestScheduler

on_next, on_completed = ReactiveTest.on_next, ReactiveTest.on_completed

if __name__ == "__main__":
    scheduler = TestScheduler()
    typing = scheduler.create_hot_observable(  # what the search box holds, and when
        on_next(210, "r"),
        on_next(240, "re"),
        on_next(270, "rea"),  # a burst: each key within 100 ms of the last
        on_next(520, "rx"),
        on_next(700, "rxp"),
        on_next(720, "rxpy"),
        on_completed(900),
    )
    refresh = scheduler.create_hot_observable(  # a second stream: the refresh button
        on_next(450, "refresh"),
        on_completed(950),
    )

    def pipeline() -> reactivex.Observable:
        searches = typing.pipe(
            ops.debounce(100),  # wait for 100 ticks of quiet, then pass the latest value
            ops.distinct_until_changed(),
            ops.map(lambda text: f"search {text!r}"),
        )
        return reactivex.merge(searches, refresh.pipe(ops.map(lambda _: "search again")))

    # create the pipeline at tick 100, subscribe at 200, unsubscribe at 1000
    observer = scheduler.start(pipeline, created=100, subscribed=200, disposed=1000)
    for message in observer.messages:
        notification = message.value  # OnNext carries a value, OnCompleted none
        shown = notification.value if notification.kind == "N" else "(completed)"
        print(f"t={message.time:4.0f}  {shown}")
