"""The queue stays bounded: never more than 5 items wait, and all 50 are handled."""

import re

ITEMS = 50
AT_MOST = 5


def check(output: str) -> str | None:
    handled = re.search(r"^items handled: (\d+)$", output, re.MULTILINE)
    peak = re.search(r"^most items waiting at once: (\d+)$", output, re.MULTILINE)
    if handled is None or peak is None:
        return "The program did not print how many items it handled and the most that waited."
    if int(handled[1]) != ITEMS:
        return f"The consumer handled {handled[1]} items, not {ITEMS}."
    if int(peak[1]) > AT_MOST:
        return (
            f"Up to {peak[1]} items waited in the queue at once (at most {AT_MOST} allowed): "
            "the producer never waits, so everything it makes piles up in memory."
        )
    return None
