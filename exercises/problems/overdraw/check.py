"""The account is never overdrawn: one machine pays out, the other two refuse."""

import re


def check(output: str) -> str | None:
    final = re.search(r"^final balance: (-?\d+)$", output, re.MULTILINE)
    if final is None:
        return "The program did not print 'final balance: N'."
    paid = len(re.findall(r"^machine \d: paid out 60$", output, re.MULTILINE))
    refused = len(re.findall(r"^machine \d: refused", output, re.MULTILINE))
    if int(final[1]) < 0:
        return (
            f"The account is overdrawn: {paid} machines paid out 60 from a balance of 100, "
            f"which ends at {final[1]}. Each checked the balance before any had taken money."
        )
    if (paid, refused, final[1]) != (1, 2, "40"):
        return (
            f"Expected one payout, two refusals and a final balance of 40; got {paid} "
            f"payouts, {refused} refusals and {final[1]}."
        )
    return None
