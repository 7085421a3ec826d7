"""Both transfers complete, no deadlock, and no money appears or vanishes."""

import re


def check(output: str) -> str | None:
    if "deadlock" in output:
        return (
            "The transfers deadlocked: each held the lock of the account it takes money "
            "from and waited for the other's."
        )
    moved = re.findall(r"^(\w+) -> (\w+): moved (\d+)$", output, re.MULTILINE)
    if sorted(moved) != [("alice", "bob", "30"), ("bob", "alice", "20")]:
        return "Both transfers should print that they moved their amount (alice -> bob 30, bob -> alice 20)."
    final = re.search(r"^alice (-?\d+), bob (-?\d+), total (-?\d+)$", output, re.MULTILINE)
    if final is None:
        return "The program did not print the final balances."
    if (final[1], final[2], final[3]) != ("90", "110", "200"):
        return (
            f"The final balances are wrong: alice {final[1]}, bob {final[2]} (expected 90 and 110)."
        )
    return None
