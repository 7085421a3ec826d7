"""The loop stays responsive: the heartbeat beats at least 3 times during the computation."""

import re

AT_LEAST = 3


def check(output: str) -> str | None:
    found = re.search(r"^heartbeats while crunching: (\d+)$", output, re.MULTILINE)
    if found is None:
        return "The program did not print 'heartbeats while crunching: N'."
    beats = int(found[1])
    if beats < AT_LEAST:
        return (
            f"The heartbeat beat {beats} times during the computation (at least {AT_LEAST} "
            "expected): the computation never gave the event loop a chance to run it."
        )
    return None
