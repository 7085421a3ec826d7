"""The reader's code, told apart from everything else: which files are the program's (not
the standard library's, an installed package's, the runner's or this package's), the
program's frames on a thread's stack (for deadlock reports and for finding its code), and
its code objects (where the switch points go, see _preemption)."""

from __future__ import annotations

import sys
import types

_user_files: set[str] = set()
_other_files: set[str] = set()
_library_prefixes: tuple[str, ...] = ()
# The code object of the function at the bottom of every simulated thread's stack
# (Scheduler.spawn's `entry`), set once by _scheduler: a thread's frames end there.
_entry_code: types.CodeType | None = None


def set_library_prefixes(prefixes) -> None:
    """Code in files under these directories is never preempted (the standard library,
    installed packages, the runner): switch points are in the reader's code only."""
    global _library_prefixes
    _library_prefixes = tuple(prefixes)
    _user_files.clear()
    _other_files.clear()


def set_thread_entry(code: types.CodeType) -> None:
    """The code of the function at the bottom of every simulated thread's stack."""
    global _entry_code
    _entry_code = code


def is_user_file(filename: str) -> bool:
    if filename in _user_files:
        return True
    if filename in _other_files:
        return False
    user = not filename.startswith("<") and not filename.startswith(_library_prefixes)
    (_user_files if user else _other_files).add(filename)
    return user


def program_frames(frame):
    """The frames from `frame` outward, as far as it is safe to go: up to the end of the
    program's own frames (the first library frame after them), and never past the bottom
    of a simulated thread's stack. Below those, Pyodide's stack switching can leave frame
    links dangling: following them crashes the interpreter."""
    seen_user = False
    while frame is not None:
        code = frame.f_code
        user = is_user_file(code.co_filename)
        if seen_user and not user:
            return
        yield frame
        if code is _entry_code:
            return
        seen_user = seen_user or user
        frame = frame.f_back


def _code_objects(code, found: list) -> None:
    found.append(code)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            _code_objects(const, found)


def _functions_code(value, found: list, depth: int = 0) -> None:
    code = getattr(value, "__code__", None)
    if isinstance(code, types.CodeType):
        _code_objects(code, found)
    elif isinstance(value, (staticmethod, classmethod)):
        _functions_code(value.__func__, found, depth)
    elif isinstance(value, property):
        for part in (value.fget, value.fset, value.fdel):
            _functions_code(part, found, depth)
    elif isinstance(value, type) and depth == 0:
        for member in list(vars(value).values()):
            _functions_code(member, found, depth + 1)


def program_code(frame) -> list:
    """Every code object of the program, each once: the module's code, found on the stack
    from `frame` outward, with all the functions, classes and lambdas compiled in it, and
    the functions in __main__ and in the program's own modules imported so far (a thread
    busy-waiting in a function of an imported module must be preempted too)."""
    found: list = []
    for each in program_frames(frame):
        if is_user_file(each.f_code.co_filename):
            _code_objects(each.f_code, found)
    main = sys.modules.get("__main__")
    for module in list(sys.modules.values()):
        filename = getattr(module, "__file__", None)
        if module is main or (isinstance(filename, str) and is_user_file(filename)):
            for value in list(getattr(module, "__dict__", {}).values()):
                _functions_code(value, found)
    codes, seen = [], set()
    for code in found:
        if id(code) not in seen and is_user_file(code.co_filename):
            seen.add(id(code))
            codes.append(code)
    return codes
