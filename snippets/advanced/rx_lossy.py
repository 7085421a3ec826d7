# /// script
# dependencies = ["reactivex"]
# ///
"""When the consumer cannot keep up: keep the latest, keep the first, or batch.
A source emits every 10 ticks; each strategy lets through at most one thing per 100."""

from reactivex import operators as ops
from reactivex.testing import ReactiveTest, TestScheduler

STRATEGIES = {
    "sample(100)": ops.sample(100),  # the latest value, once per 100 ticks
    "throttle_first(100)": ops.throttle_first(100),  # a value, then ignore 100 ticks
    "buffer_with_time(100)": ops.buffer_with_time(100),  # everything, in batches
}


def through(strategy) -> list:
    scheduler = TestScheduler()
    events = [ReactiveTest.on_next(195 + 10 * i, i) for i in range(1, 31)]  # t=205 ... 495
    source = scheduler.create_hot_observable(*events, ReactiveTest.on_completed(499))
    observer = scheduler.start(lambda: source.pipe(strategy))
    return [m.value.value for m in observer.messages if m.value.kind == "N"]


if __name__ == "__main__":
    for name, strategy in STRATEGIES.items():
        got = through(strategy)
        print(f"{name:<22} {len(got)} out of 30: {got}")
