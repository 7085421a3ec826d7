"""The producer stops when asked: it says so, and the main thread sees it end."""

import re


def check(output: str) -> str | None:
    readings = re.findall(r"^consumer: reading (\d+)$", output, re.MULTILINE)
    if readings != ["1", "2", "3", "4", "5"]:
        return f"The consumer should read 1 to 5 in order; it read {readings or 'nothing'}."
    if "still running" in output:
        return (
            "The producer was still running a second after it was asked to stop: it loops "
            "forever, or sits blocked in put() on a full queue that nobody empties."
        )
    if "producer: stopped" not in output:
        return "The producer never printed 'producer: stopped': it did not leave its loop."
    if "main: the producer has stopped" not in output:
        return "The main thread never saw the producer end ('main: the producer has stopped')."
    return None
