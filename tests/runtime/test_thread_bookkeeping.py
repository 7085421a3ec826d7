"""The bookkeeping that CPython's own test helpers rely on (test_cpython_suites.py runs
them): _thread._count(), the dummy threads of threads started with _thread, a Lock that
cannot be subclassed, the names the primitives go by, and preemption in the program's
own imported modules. Each program prints the same lines inside Pyodide and on the
CPython running the tests."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def on_cpython(code: str) -> list[str]:
    completed = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return completed.stdout.splitlines()


def same_on_both(run, code: str) -> list[str]:
    lines = run(code).lines
    assert lines == on_cpython(code)
    return lines


def test_count_is_the_number_of_live_threads_started_through_thread(run) -> None:
    lines = same_on_both(
        run,
        """
        import _thread, threading, time

        print("before:", _thread._count())
        started, gate = [], threading.Event()

        def body():
            started.append(1)
            gate.wait()

        _thread.start_new_thread(body, ())
        worker = threading.Thread(target=body)
        worker.start()
        while len(started) < 2:
            time.sleep(0.01)
        print("running:", _thread._count())
        gate.set()
        worker.join()
        deadline = time.monotonic() + 5
        while _thread._count() and time.monotonic() < deadline:
            time.sleep(0.01)
        print("after:", _thread._count())
        """,
    )
    assert lines == ["before: 0", "running: 2", "after: 0"]


def test_a_dummy_thread_lives_as_long_as_its_thread(run) -> None:
    lines = same_on_both(
        run,
        """
        import _thread, threading, time

        seen, go = {}, threading.Event()
        done = [threading.Event(), threading.Event()]

        def body(key):
            first = threading.current_thread()
            go.wait()  # the other thread makes its own dummy meanwhile
            again = threading.current_thread()
            seen[key] = (type(first).__name__, again is first, first.ident in threading._active)
            done[key].set()

        idents = [_thread.start_new_thread(body, (key,)) for key in range(2)]
        deadline = time.monotonic() + 5
        while len(threading._active) < 3 and time.monotonic() < deadline:
            time.sleep(0.01)
        print("dummies:", len(threading._active) - 1)
        go.set()
        for event in done:
            event.wait()
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and (
            _thread._count() or any(ident in threading._active for ident in idents)
        ):
            time.sleep(0.01)
        print(sorted(seen.values()))
        print("still active:", [ident in threading._active for ident in idents])
        print(threading.active_count(), [t.name for t in threading.enumerate()])
        """,
    )
    assert lines == [
        "dummies: 2",
        "[('_DummyThread', True, True), ('_DummyThread', True, True)]",
        "still active: [False, False]",
        "1 ['MainThread']",
    ]


def test_lock_is_no_base_class_and_the_primitives_go_by_their_thread_names(run) -> None:
    lines = same_on_both(
        run,
        """
        import _thread, threading

        for base in (threading.Lock, _thread.LockType):
            try:
                class MyLock(base):
                    pass
            except TypeError as error:
                print("TypeError:", error)
        print(threading.Lock is _thread.LockType, repr(threading.Lock()).split(" at ")[0])
        print(threading.get_ident.__module__, threading.get_native_id.__module__)
        print(threading.local.__module__, threading.local.__qualname__)
        print("get_native_id" in threading.__all__)
        """,
    )
    assert lines[0] == lines[1] == "TypeError: type '_thread.lock' is not an acceptable base type"


def test_a_busy_wait_in_an_imported_module_is_preempted(run) -> None:
    lines = same_on_both(
        run,
        """
        import importlib.util, pathlib, sys, tempfile, threading

        path = pathlib.Path(tempfile.mkdtemp(), "spinning.py")
        path.write_text(
            "flag, saw = [], []\\n"
            "def spin():\\n"
            "    for _ in range(10_000_000):\\n"
            "        if flag:\\n"
            "            saw.append(True)\\n"
            "            return\\n"
            "    saw.append(False)\\n"
            "def raise_flag():\\n"
            "    flag.append(True)\\n"
        )
        spec = importlib.util.spec_from_file_location("spinning", path)
        spinning = importlib.util.module_from_spec(spec)
        sys.modules["spinning"] = spinning  # imported: a module of the program's own
        spec.loader.exec_module(spinning)

        spinner = threading.Thread(target=spinning.spin)
        spinner.start()
        threading.Thread(target=spinning.raise_flag).start()
        spinner.join()
        print("the spinning thread saw the flag before it gave up:", spinning.saw)
        """,
    )
    assert lines == ["the spinning thread saw the flag before it gave up: [True]"]
