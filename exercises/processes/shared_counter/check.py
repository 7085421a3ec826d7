"""Every addition counts: the shared counter ends at exactly 200."""

import re

EXPECTED = 200


def check(output: str) -> str | None:
    found = re.search(r"^counter: (\d+)", output, re.MULTILINE)
    if found is None:
        return "The program did not print 'counter: N (expected 200)'."
    value = int(found[1])
    if value != EXPECTED:
        return (
            f"The counter is {value}, not {EXPECTED}: {EXPECTED - value} additions were "
            "lost, written over by the other process, which had read the same old value."
        )
    return None
