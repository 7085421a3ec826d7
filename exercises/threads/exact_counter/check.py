"""Every payment is counted: the balance ends at exactly 400."""

import re

EXPECTED = 400


def check(output: str) -> str | None:
    found = re.search(r"^balance: (\d+)", output, re.MULTILINE)
    if found is None:
        return "The program never printed its last line, 'balance: N (expected 400)'."
    balance = int(found[1])
    if balance != EXPECTED:
        lost = EXPECTED - balance
        return (
            f"The balance is {balance}, not {EXPECTED}: {lost} payments were lost, "
            "overwritten by threads that had read the same old balance."
        )
    return None
