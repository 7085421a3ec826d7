"""The settings are loaded exactly once, and every thread gets the same object."""

import re


def check(output: str) -> str | None:
    loaded = re.search(r"^settings loaded (\d+) time", output, re.MULTILINE)
    objects = re.search(r"^threads saw (\d+) different", output, re.MULTILINE)
    if loaded is None or objects is None:
        return "The program did not print how often the settings were loaded and how many objects the threads saw."
    if loaded[1] != "1":
        return (
            f"The settings were loaded {loaded[1]} times: several threads found them "
            "missing before the first had finished loading them."
        )
    if objects[1] != "1":
        return f"The threads saw {objects[1]} different settings objects, not one."
    return None
