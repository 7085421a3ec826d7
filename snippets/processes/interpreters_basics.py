# /// script
# requires-python = ">=3.14"
# ///
"""A subinterpreter: create it, run code and call functions in it, see that its state is its own."""

import threading
from concurrent import interpreters


def describe(limit: int) -> str:
    squares = [n * n for n in range(limit)]
    return f"sum of the first {limit} squares is {sum(squares)}"


if __name__ == "__main__":
    interp = interpreters.create()
    try:
        # exec() runs source code in the interpreter's own __main__ module, in this thread.
        interp.exec("colour = 'blue'")
        interp.prepare_main(size=3)  # bind values into its __main__ before running code
        interp.exec("print(f'inside:  colour={colour!r}, size={size}')")
        print(f"outside: 'colour' defined here too? {'colour' in globals()}")

        # call() runs a function there and returns its result (arguments travel as copies).
        print(f"call():  {interp.call(describe, 10)}")

        # No implicit threads: the interpreter ran in the thread that called it.
        here = threading.get_ident()
        there = interp.call(threading.get_ident)
        print(f"same OS thread as the caller: {here == there}")

        try:
            interp.exec("1 / 0")
        except interpreters.ExecutionFailed as error:
            print(f"ExecutionFailed: {error.excinfo.type.__name__}: {error.excinfo.msg}")
    finally:
        interp.close()
