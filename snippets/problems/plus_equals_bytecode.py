# /// script
# [tool.guide]
# varies = "the instruction names, which change a little between Python versions"
# check = "property"
# ///
"""`counter += 1` is not one step: it compiles to a read, an add and a write."""

import dis

counter = 0


def increment() -> None:
    global counter
    counter += 1


STEPS = {"LOAD_GLOBAL": "read", "BINARY_OP": "add", "STORE_GLOBAL": "write"}

if __name__ == "__main__":
    for instruction in dis.get_instructions(increment):
        step = STEPS.get(instruction.opname, "")
        print(f"{instruction.opname:<14} {instruction.argrepr:<8} {step}")
