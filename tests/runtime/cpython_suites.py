"""CPython's own threading test suites, run against simthreads inside Pyodide and on the
CPython running the tests, with the same selection: which unittest classes, which tests
are left out and why, and how to run them on each side.

The test files are read from the `test` package of the CPython running pytest (the
runtime-tests session runs on CPython 3.13), never copied into the repository; inside
Pyodide the program cpython_suite_driver.py writes them into its file system first."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

DRIVER = Path(__file__).with_name("cpython_suite_driver.py")
MARK = "CPYTHON-SUITE-RESULTS "

# The simulated scheduler's seeds (each one a run of every suite inside Pyodide).
SEEDS = (1, 2)


def test_package() -> Path:
    """The `test` package of the CPython running pytest."""
    try:
        import test.lock_tests  # the package, as far as the suites need it
    except ImportError as error:
        raise RuntimeError(
            f"CPython {sys.version.split()[0]} ({sys.executable}) has no test package: "
            "its threading tests run against simthreads (a Debian package's Python has it "
            f"in libpython3.{sys.version_info.minor}-testsuite)"
        ) from error
    return Path(test.lock_tests.__file__).parent


# The modules of the `test` package that the selected suites import, sent into Pyodide.
SHIPPED = (
    "__init__.py",
    "lock_tests.py",
    "test_queue.py",
    "test_threading.py",
    "support/__init__.py",
    "support/import_helper.py",
    "support/os_helper.py",
    "support/script_helper.py",
    "support/threading_helper.py",
    "support/warnings_helper.py",
)

THREADING = "test.test_threading"


@dataclass(frozen=True)
class Suite:
    """One suite: the unittest names it loads, and the tests it leaves out, with why."""

    name: str
    names: tuple[str, ...]
    excluded: dict[str, str] = field(default_factory=dict)


FORK = "needs os.fork(), which Pyodide lacks (test.support skips it there)"
SUBPROCESS = (
    "runs a child interpreter (script_helper), and Pyodide has no subprocesses "
    "(test.support skips it there)"
)

SUITES = (
    # test.lock_tests, through the classes test_threading derives from it.
    Suite(
        "lock_tests",
        tuple(
            f"{THREADING}.{name}"
            for name in (
                "LockTests",
                "PyRLockTests",
                "CRLockTests",
                "EventTests",
                "ConditionAsRLockTests",
                "ConditionTests",
                "SemaphoreTests",
                "BoundedSemaphoreTests",
                "BarrierTests",
            )
        ),
        {
            "*.test_at_fork_reinit": FORK,
            f"{THREADING}.CRLockTests.*": (
                "the C RLock: under simthreads threading.RLock is the pure-Python _PyRLock "
                "(threading._CRLock is None), which PyRLockTests runs"
            ),
        },
    ),
    # test_queue's pure-Python classes (the C _queue.SimpleQueue blocks the real thread).
    Suite(
        "test_queue",
        tuple(
            f"test.test_queue.{name}"
            for name in (
                "PyQueueTest",
                "PyLifoQueueTest",
                "PyPriorityQueueTest",
                "PyFailingQueueTest",
                "PySimpleQueueTest",
            )
        ),
    ),
    # test_threading without the lock classes (above) and without what needs processes.
    Suite(
        "test_threading",
        tuple(
            f"{THREADING}.{name}"
            for name in (
                "ThreadTests",
                "ThreadingExceptionTests",
                "ExceptHookTests",
                "TimerTests",
                "MiscTestCase",
            )
        ),
        {
            "*fork*": FORK,
            **dict.fromkeys(
                (
                    f"{THREADING}.ThreadTests.{name}"
                    for name in (
                        "test_finalization_shutdown",
                        "test_finalize_running_thread",
                        "test_finalize_with_trace",
                        "test_import_from_another_thread",
                        "test_join_nondaemon_on_shutdown",
                        "test_locals_at_exit",
                        "test_main_thread_during_shutdown",
                        "test_start_new_thread_at_finalization",
                    )
                ),
                SUBPROCESS,
            ),
            f"{THREADING}.ThreadingExceptionTests.test_print_exception*": SUBPROCESS,
            f"{THREADING}.ThreadingExceptionTests.test_recursion_limit": SUBPROCESS,
            f"{THREADING}.ThreadTests.test_PyThreadState_SetAsyncExc": (
                "needs a real thread state: it calls the C API on a thread id through ctypes "
                "(inside Pyodide it corrupts memory)"
            ),
            f"{THREADING}.ThreadTests.test_frame_tstate_tracing": (
                "starts a real C thread (_testcapi.call_in_temporary_c_thread)"
            ),
        },
    ),
)


@dataclass
class Run:
    """What one run of a suite gave: each test's outcome (passed, failed, error, skipped,
    xfail, xpass, excluded) with its detail, and the interpreter."""

    python: str
    platform: str
    seconds: float
    outcomes: dict[str, dict]
    output: str = ""

    def count(self, outcome: str) -> int:
        return sum(1 for each in self.outcomes.values() if each["outcome"] == outcome)

    def passed(self) -> set[str]:
        return {test for test, each in self.outcomes.items() if each["outcome"] == "passed"}

    def tally(self) -> str:
        run = len(self.outcomes) - self.count("excluded")
        failed = self.count("failed") + self.count("error") + self.count("xpass")
        return (
            f"{self.count('passed')}/{run} passed, {failed} failed, "
            f"{self.count('skipped')} skipped ({self.count('excluded')} excluded)"
        )


def program(suite: Suite, *, with_files: bool) -> str:
    """The driver followed by its call for this suite (with the test files, for Pyodide)."""
    config: dict = {"names": list(suite.names), "excluded": suite.excluded}
    if with_files:
        root = test_package()
        config["files"] = {
            f"test/{name}": (root / name).read_text(encoding="utf-8") for name in SHIPPED
        }
    return DRIVER.read_text(encoding="utf-8") + f"\n\nmain({config!r})\n"


def parse(output: str) -> Run:
    for line in output.splitlines():
        if line.startswith(MARK):
            summary = json.loads(line[len(MARK) :])
            return Run(output=output, **summary)
    raise AssertionError(f"the suite printed no results:\n{output[-4000:]}")


def run_on_cpython(suite: Suite, timeout: float = 300) -> Run:
    """The suite on the CPython running pytest, in a fresh process."""
    completed = subprocess.run(
        [sys.executable, "-c", program(suite, with_files=False)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return parse(completed.stdout + completed.stderr)


def run_in_pyodide(pyodide, suite: Suite, seed: int, timeout: float = 300) -> Run:
    """The suite inside Pyodide under simthreads (pyodide: conftest's harness)."""
    result = pyodide.run(
        program(suite, with_files=True),
        filename="cpython_suite.py",
        seed=seed,
        timeout=timeout,
    )
    return parse(result.output + f"\n[runner: {result.status}] {result.error or ''}")


def regressions(cpython: Run, pyodide: Run) -> dict[str, dict]:
    """The tests that pass on CPython and not inside Pyodide, with what Pyodide gave."""
    missing = {"outcome": "missing", "detail": "not run inside Pyodide", "seconds": 0}
    return {
        test: pyodide.outcomes.get(test, missing)
        for test in sorted(cpython.passed() - pyodide.passed())
    }
