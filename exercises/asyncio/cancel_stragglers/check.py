"""Once the first download is in, no other one goes on: the others are cancelled."""

import re


def check(output: str) -> str | None:
    chosen = re.search(r"^main: using the file from (\w+)$", output, re.MULTILINE)
    if chosen is None:
        return "The program did not print 'main: using the file from ...'."
    late = re.findall(r"^(\w+): download finished$", output[chosen.end() :], re.MULTILINE)
    if late:
        return (
            f"After {chosen[1]} had answered, {len(late)} other downloads ran on to the end "
            f"({', '.join(late)}): nothing cancelled them."
        )
    went_on = re.search(r"^downloads that went on after the choice: (\d+)$", output, re.MULTILINE)
    if went_on is None or went_on[1] != "0":
        return "The program did not end with 'downloads that went on after the choice: 0'."
    return None
