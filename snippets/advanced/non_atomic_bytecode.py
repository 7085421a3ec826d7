# /// script
# [tool.guide]
# varies = "the instruction names, which change between Python versions"
# check = "property"
# ///
"""Why `+=` on an attribute and check-then-set are not atomic: they are several bytecode steps."""

import dis

# Instructions that only shuffle local values on the stack: not steps on shared data.
QUIET = set(
    "RESUME LOAD_FAST LOAD_FAST_LOAD_FAST LOAD_CONST COPY SWAP POP_TOP RETURN_VALUE"
    " RETURN_CONST PUSH_NULL PRECALL NOP CACHE TO_BOOL".split()
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
            if i.opname not in QUIET and i.argval not in METHODS  # skip looking up the method
        ]
        print(f"{function.__name__}: {len(steps)} step{'s' * (len(steps) > 1)} on shared data")
        for step in steps:
            detail = "" if "JUMP" in step.opname else step.argrepr
            print(f"    {step.opname} {detail}".rstrip())
    print("a thread switch can fall between two steps; one CALL into a C method is one step")
