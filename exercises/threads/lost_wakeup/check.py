"""The consumer gets the parcel: no notify is lost."""

import re


def check(output: str) -> str | None:
    if "wake-up was lost" in output:
        return (
            "The consumer waited for a notify that had already been sent: it looked, found "
            "nothing, and the producer delivered and notified before it began to wait."
        )
    if "consumer: got the parcel" not in output:
        return "The consumer never printed 'consumer: got the parcel'."
    left = re.search(r"^parcels left undelivered: (\d+)", output, re.MULTILINE)
    if left is None or left[1] != "0":
        return "The program did not end with 'parcels left undelivered: 0'."
    return None
