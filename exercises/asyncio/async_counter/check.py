"""Every payment is counted: the balance ends at exactly 400."""

import re

EXPECTED = 400


def check(output: str) -> str | None:
    found = re.search(r"^balance: (\d+)", output, re.MULTILINE)
    if found is None:
        return "The program never printed its last line, 'balance: N (expected 400)'."
    balance = int(found[1])
    if balance != EXPECTED:
        return (
            f"The balance is {balance}, not {EXPECTED}: {EXPECTED - balance} payments were "
            "lost. At each await the other tasks ran, read the same old balance, and "
            "wrote back the same new one."
        )
    return None
