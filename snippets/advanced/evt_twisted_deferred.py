# /// script
# dependencies = ["twisted"]
# ///
"""Deferreds with callbacks, then the same code as a coroutine; time is a task.Clock."""

from twisted.internet import defer, task

PRICES = {"tea": 4, "milk": 2}
clock = task.Clock()  # a fake reactor clock: time moves only when we advance it


def fetch_price(item: str) -> defer.Deferred:
    """Returns at once; the answer arrives 1 s later (in virtual time)."""
    d = defer.Deferred()
    if item in PRICES:
        clock.callLater(1.0, d.callback, PRICES[item])
    else:
        clock.callLater(1.0, d.errback, KeyError(item))
    return d


def total_with_callbacks(items: list[str]) -> defer.Deferred:
    results = defer.gatherResults([fetch_price(i) for i in items], consumeErrors=True)
    results.addCallback(sum)  # each callback gets the previous one's result
    results.addCallback(lambda total: f"total {total}")
    results.addErrback(lambda failure: f"failed: {failure.value.subFailure.value!r}")
    return results


async def total_as_coroutine(items: list[str]) -> str:
    total = 0
    try:
        for item in items:  # one after another, as the code reads
            total += await fetch_price(item)
    except KeyError as e:
        return f"failed: {e!r}"
    return f"total {total}"


def show(how: str):
    return lambda result: print(f"t={clock.seconds():.1f} s  {how}: {result}")


if __name__ == "__main__":
    total_with_callbacks(["tea", "milk"]).addCallback(show("callbacks"))
    total_with_callbacks(["tea", "cake"]).addCallback(show("callbacks"))
    defer.Deferred.fromCoroutine(total_as_coroutine(["tea", "milk"])).addCallback(show("coroutine"))
    defer.Deferred.fromCoroutine(total_as_coroutine(["cake"])).addCallback(show("coroutine"))

    slow = fetch_price("tea").addTimeout(0.5, clock)  # gives up after 0.5 s
    slow.addErrback(lambda f: f"{f.type.__name__}").addCallback(show("with a timeout"))

    for _ in range(4):
        print(f"advancing the clock from t={clock.seconds():.1f} s")
        clock.advance(0.5)  # fires every call that falls due; no real waiting
