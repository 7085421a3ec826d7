"""The program that runs a selection of CPython's own unittest classes and prints each
test's outcome as one JSON line: the same program on the CPython running the tests and
inside Pyodide under simthreads (tests/runtime/cpython_suites.py sends it, followed by a
call of main() with the selection).

Inside Pyodide it first writes the test files it was given (CPython's `test` package has
no place in Pyodide's standard library) and applies the few shims listed in SHIMS; the
test code itself runs unchanged."""

import fnmatch
import json
import os
import sys
import time
import traceback
import unittest

MARK = "CPYTHON-SUITE-RESULTS "
FILES_ROOT = "/tmp/cpython-test-package"

# What test.support concludes about Pyodide that simthreads makes untrue, set before the
# test modules are imported (their decorators read it at import time).
SHIMS = (
    "test.support.threading_helper.can_start_thread = True: test.support decides that an "
    "Emscripten build without pthreads cannot start threads; under simthreads it can",
)


def _write_files(files: dict) -> None:
    for relative, text in files.items():
        path = os.path.join(FILES_ROOT, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as file:
            file.write(text)
    for name in [name for name in sys.modules if name == "test" or name.startswith("test.")]:
        del sys.modules[name]
    _import_test_package(os.path.join(FILES_ROOT, "test"))


def _import_test_package(folder: str) -> None:
    """Import the `test` package from `folder` by its location: its modules (test.support,
    test.lock_tests...) are then found through the package's own __path__, that folder."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "test", os.path.join(folder, "__init__.py"), submodule_search_locations=[folder]
    )
    package = importlib.util.module_from_spec(spec)
    sys.modules["test"] = package
    spec.loader.exec_module(package)


def _apply_shims() -> None:
    from test.support import threading_helper

    threading_helper.can_start_thread = True


def _tests(suite):
    for item in suite:
        if isinstance(item, unittest.TestSuite):
            yield from _tests(item)
        else:
            yield item


class _Outcomes(unittest.TestResult):
    """Each test's outcome: passed, failed, error, skipped, xfail or xpass, with a detail
    (the skip reason, the end of the traceback) and its duration."""

    def __init__(self) -> None:
        super().__init__()
        self.outcomes: dict[str, dict] = {}
        self._started = 0.0

    def startTest(self, test) -> None:
        super().startTest(test)
        self._started = time.perf_counter()

    def _note(self, test, outcome: str, detail: str = "") -> None:
        seconds = round(time.perf_counter() - self._started, 3) if self._started else 0.0
        entry = {"outcome": outcome, "detail": detail, "seconds": seconds}
        previous = self.outcomes.get(test.id())
        if previous is None or previous["outcome"] == "passed":  # an error in tearDown wins
            self.outcomes[test.id()] = entry

    @staticmethod
    def _brief(err) -> str:
        lines = traceback.format_exception(*err)
        return "".join(lines)[-1500:]

    def addSuccess(self, test) -> None:
        self._note(test, "passed")

    def addFailure(self, test, err) -> None:
        self._note(test, "failed", self._brief(err))

    def addError(self, test, err) -> None:
        self._note(test, "error", self._brief(err))

    def addSubTest(self, test, subtest, err) -> None:
        if err is not None:
            failed = issubclass(err[0], test.failureException)
            self._note(test, "failed" if failed else "error", self._brief(err))

    def addSkip(self, test, reason) -> None:
        self._note(test, "skipped", reason)

    def addExpectedFailure(self, test, err) -> None:
        self._note(test, "xfail")

    def addUnexpectedSuccess(self, test) -> None:
        self._note(test, "xpass")


def main(config: dict) -> None:
    """config: "names" (dotted unittest names to load), "excluded" ({pattern: reason},
    fnmatch patterns of test ids left out), "files" ({path under the test package's
    parent: text}, inside Pyodide only)."""
    if config.get("files"):
        _write_files(config["files"])
    if sys.platform == "emscripten":
        _apply_shims()
    from test import support

    support.verbose = False  # as regrtest sets it without -v, on both interpreters
    suite = unittest.TestSuite()
    outcomes = _Outcomes()
    excluded = config.get("excluded", {})
    loaded = unittest.defaultTestLoader.loadTestsFromNames(config["names"])
    for test in _tests(loaded):
        reason = next(
            (why for pattern, why in excluded.items() if fnmatch.fnmatchcase(test.id(), pattern)),
            None,
        )
        if reason is None:
            suite.addTest(test)
        else:
            outcomes.outcomes[test.id()] = {"outcome": "excluded", "detail": reason, "seconds": 0}
    started = time.perf_counter()
    suite.run(outcomes)
    summary = {
        "python": sys.version.split()[0],
        "platform": sys.platform,
        "seconds": round(time.perf_counter() - started, 2),
        "outcomes": outcomes.outcomes,
    }
    sys.stdout.flush()
    print(MARK + json.dumps(summary), flush=True)
