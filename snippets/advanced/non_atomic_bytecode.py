# /// script
# [tool.guide]
# varies = "the instruction names, which change between Python versions"
# check = "property"
# ///
"""Why `+=` on an attribute and check-then-set are not atomic: they are several bytecode steps."""

import dis

# Instructions that only move local values and constants or mark a branch (their names
# vary between versions, hence prefixes): not steps on shared data.
QUIET = tuple(
    "RESUME LOAD_FAST LOAD_CONST LOAD_SMALL_INT LOAD_COMMON_CONSTANT COPY SWAP POP_TOP"
    " RETURN_ PUSH_NULL PRECALL NOP CACHE TO_BOOL NOT_TAKEN".split()
)
METHODS = {"append", "setdefault"}


def bump(counter) -> None:
    counter.hits += 1


def remember(cache: dict, key, value) -> None:
    if key not in cache:
        cache[key] = value


def record(items: list, item) -> None:
    items.append(item)


def remember_once(cache: dict, key, value) -> None:
    cache.setdefault(key, value)


if __name__ == "__main__":
    for function in (bump, remember, record, remember_once):
        steps = [
            i
            for i in dis.get_instructions(function)
            # Skip the quiet steps, and looking up the method before a call.
            if not i.opname.startswith(QUIET) and i.argval not in METHODS
        ]
        print(f"{function.__name__}: {len(steps)} step{'s' * (len(steps) > 1)} on shared data")
        for step in steps:
            detail = "" if "JUMP" in step.opname else step.argrepr
            print(f"    {step.opname} {detail}".rstrip())
    print("a thread switch can fall between two steps; one CALL into a C method is one step")
