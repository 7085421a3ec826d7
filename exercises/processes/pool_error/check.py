"""After the failure, the pool stops taking jobs: at most half of them run."""

import re

JOBS = 20
AT_MOST = 10


def check(output: str) -> str | None:
    if "main: job 1: bad input" not in output:
        return "The main program never reported job 1's error ('main: job 1: bad input; ...')."
    ran = re.search(r"^jobs that ran: (\d+) of (\d+)$", output, re.MULTILINE)
    if ran is None:
        return "The program did not print 'jobs that ran: N of 20'."
    if int(ran[1]) > AT_MOST:
        return (
            f"{ran[1]} of {JOBS} jobs ran although job 1 had failed at once: leaving the "
            "with block waits for every job that was not cancelled."
        )
    return None
