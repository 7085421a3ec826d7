# /// script
# dependencies = ["reactivex"]
# ///
"""Observables, operators and observers with reactivex: cold streams, a hot Subject, errors."""

import reactivex
from reactivex import operators as ops
from reactivex.subject import Subject


def printer(name: str) -> dict:
    return {
        "on_next": lambda value: print(f"  {name} got {value!r}"),
        "on_error": lambda error: print(f"  {name} error: {error!r}"),
        "on_completed": lambda: print(f"  {name} completed"),
    }


if __name__ == "__main__":
    print("a cold observable replays its values for each subscriber:")
    prices = reactivex.of(3, 12, 7, 20).pipe(
        ops.filter(lambda p: p > 5),  # operators return new observables
        ops.map(lambda p: p * 2),
    )
    prices.subscribe(**printer("A"))
    prices.subscribe(**printer("B"))

    print("a running total with scan, then only the last value:")
    reactivex.of(3, 12, 7).pipe(ops.scan(lambda acc, x: acc + x, 0), ops.last()).subscribe(
        **printer("C")
    )

    print("a hot Subject: subscribers see only what is pushed after they join:")
    clicks = Subject()
    clicks.subscribe(**printer("early"))
    clicks.on_next("click 1")
    clicks.subscribe(**printer("late"))
    clicks.on_next("click 2")
    clicks.on_error(ValueError("mouse unplugged"))  # an error ends the stream
    clicks.on_next("click 3")  # nobody hears this one
