"""MkDocs hook: put the browser code into the site, from node_modules/ (pinned in
package-lock.json), so that no page ever loads anything from a CDN.

- copies libraries: mermaid, Pyodide's core files (assets/vendor/pyodide/) and
  coi-serviceworker (at the site root, so that its scope covers every page);
- puts the simulated threads (simthreads/) beside Pyodide: their wheel and the copy of
  Pyodide's lock file that lists it (both built by `nox -s runtime` into build/pyodide/),
  so that the worker loads it by name, its hash checked;
- puts beside Pyodide the memory snapshot the runner's Python starts from (made by
  `nox -s runtime` into build/snapshot/, see runner/snapshot.mjs), but only
  when it was made from the Pyodide files and the runner modules this build publishes;
  without it the runner starts Python from scratch, more slowly;
- bundles the in-page runner (runner/: runner.js, editor.js with CodeMirror 6, worker.js
  with the runner's Python and guide/timeline/, runner.css) with esbuild into
  assets/runner/.

A plain `mkdocs build` after `npm ci` produces the whole site.
"""

from __future__ import annotations

import hashlib
import json
import logging
import mimetypes
import re
import subprocess
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from guide import paths

ROOT = paths.ROOT
NODE_MODULES = ROOT / "node_modules"
RUNNER = paths.RUNNER

# site path  ->  file under node_modules/
VENDORED = {
    "assets/vendor/mermaid/mermaid.min.js": "mermaid/dist/mermaid.min.js",
    # Pyodide's core: what loadPyodide() fetches (no package wheels: the stdlib is enough).
    "assets/vendor/pyodide/pyodide.mjs": "pyodide/pyodide.mjs",
    "assets/vendor/pyodide/pyodide.asm.mjs": "pyodide/pyodide.asm.mjs",
    "assets/vendor/pyodide/pyodide.asm.wasm": "pyodide/pyodide.asm.wasm",
    "assets/vendor/pyodide/python_stdlib.zip": "pyodide/python_stdlib.zip",
    # Makes pages cross-origin isolated where the host cannot send headers (GitHub Pages),
    # so that Stop can interrupt Python instead of restarting it. Must sit at the root.
    "coi-serviceworker.js": "coi-serviceworker/coi-serviceworker.min.js",
}

# The simulated threads (simthreads/), built by `nox -s runtime`: the lock file replaces
# Pyodide's own (it is Pyodide's plus one entry).
RUNTIME_BUILD = paths.PYODIDE_INDEX
RUNTIME_WHEEL = "simthreads-*-py3-none-any.whl"

# The runner's snapshot (runner/snapshot.mjs), made by `nox -s runtime`.
SNAPSHOT_BUILD = paths.SNAPSHOT
SNAPSHOT_MANIFEST = "runner-snapshot.json"
SNAPSHOT_FORMAT = 1
# How worker.js imports the runner's Python modules: snapshot.mjs's MODULE_IMPORT.
RUNNER_MODULE = re.compile(r'^import \w+ from "((?:\.\.?/)+)([\w/]+\.py)";$', re.MULTILINE)

log = logging.getLogger("mkdocs.hooks.vendor")

# esbuild entry points (under runner/) -> bundles under assets/runner/
ENTRIES = ["runner.js", "worker.js", "runner.css", "isolation.js"]

# Local servers (`mkdocs serve`) must send JavaScript modules and WebAssembly with their types.
mimetypes.add_type("text/javascript", ".mjs")
mimetypes.add_type("application/wasm", ".wasm")


def _missing(path: Path) -> PluginError:
    return PluginError(
        f"{path.relative_to(ROOT)} is missing: run `npm ci` (or build with `nox -s build`)"
    )


def runtime_files() -> dict[str, Path]:
    """{site path: file} of the simulated-thread runtime: its wheel and the lock file."""
    lock = RUNTIME_BUILD / "pyodide-lock.json"
    wheels = sorted(RUNTIME_BUILD.glob(RUNTIME_WHEEL))
    if not lock.exists() or len(wheels) != 1:
        raise PluginError(
            f"{RUNTIME_BUILD.relative_to(ROOT)}/ has no simulated-thread runtime (the simthreads "
            "wheel and its pyodide-lock.json): build it with `nox -s runtime` (the build, "
            "serve and site sessions do it first)"
        )
    files = {"assets/vendor/pyodide/pyodide-lock.json": lock}
    files[f"assets/vendor/pyodide/{wheels[0].name}"] = wheels[0]
    return files


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def runner_digest() -> str:
    """What snapshot.mjs's runnerDigest() gives for the modules worker.js bundles."""
    found = RUNNER_MODULE.findall((RUNNER / "worker.js").read_text(encoding="utf-8"))
    modules = {name: (RUNNER / (up + name)).read_text(encoding="utf-8") for up, name in found}
    text = "".join(f"{name}\0{modules[name]}\0" for name in sorted(modules))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def snapshot_problem(manifest: dict) -> str | None:
    """Why the snapshot described by `manifest` does not fit this build, or None."""
    if manifest.get("format") != SNAPSHOT_FORMAT:
        return f"format {manifest.get('format')}, not {SNAPSHOT_FORMAT}"
    package = json.loads((NODE_MODULES / "pyodide" / "package.json").read_text(encoding="utf-8"))
    if manifest.get("pyodide") != package["version"]:
        return f"made from Pyodide {manifest.get('pyodide')}, the site serves {package['version']}"
    served = [Path(source).name for source in VENDORED.values() if source.startswith("pyodide/")]
    files = manifest.get("files", {})
    if sorted(files) != sorted(served):
        return f"its manifest names {sorted(files)}, the site serves {sorted(served)}"
    for name, digest in files.items():
        if _sha256(NODE_MODULES / "pyodide" / name) != digest:
            return f"made from another {name} than the site serves"
    if manifest.get("runner") != runner_digest():
        return "made from other runner modules (their Python changed since)"
    data = SNAPSHOT_BUILD / manifest.get("file", "")
    if not data.is_file() or _sha256(data) != manifest.get("gzip", {}).get("sha256"):
        return f"{data.name} is missing or not the file its manifest describes"
    return None


def snapshot_files() -> dict[str, Path]:
    """{site path: file} of the runner's snapshot and its manifest: empty when there is
    none or it does not fit what this build publishes (the runner then starts Python from
    scratch)."""
    path = SNAPSHOT_BUILD / SNAPSHOT_MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        problem = snapshot_problem(manifest)
    except (OSError, ValueError, AttributeError) as error:
        problem = f"{path.relative_to(ROOT)} unreadable: {error}"
    if problem:
        log.info("no Python snapshot in the site (%s); `nox -s runtime` makes one", problem)
        return {}
    return {
        f"assets/vendor/pyodide/{SNAPSHOT_MANIFEST}": path,
        f"assets/vendor/pyodide/{manifest['file']}": SNAPSHOT_BUILD / manifest["file"],
    }


def bundle_runner() -> dict[str, bytes]:
    """Run esbuild on runner/; return {file name: content} of the bundles."""
    esbuild = NODE_MODULES / ".bin" / "esbuild"
    if not esbuild.exists():
        raise _missing(esbuild)
    with tempfile.TemporaryDirectory(prefix="guide-runner-") as out:
        command = [
            str(esbuild),
            *(str(RUNNER / entry) for entry in ENTRIES),
            "--bundle",
            "--splitting",
            "--format=esm",
            "--target=es2022",
            "--minify",
            "--loader:.py=text",
            "--chunk-names=[name]-[hash]",
            "--log-level=warning",
            f"--outdir={out}",
        ]
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise PluginError(f"esbuild failed on runner/:\n{done.stderr}")
        return {p.name: p.read_bytes() for p in Path(out).iterdir() if p.is_file()}


def on_files(files, config):
    for target, source in VENDORED.items():
        path = NODE_MODULES / source
        if not path.exists():
            raise _missing(path)
        files.append(File.generated(config, target, abs_src_path=str(path)))
    for target, path in (runtime_files() | snapshot_files()).items():
        files.append(File.generated(config, target, abs_src_path=str(path)))
    for name, content in bundle_runner().items():
        files.append(File.generated(config, f"assets/runner/{name}", content=content))
    return files


def on_serve(server, config, builder):
    server.watch(str(RUNNER))
    server.watch(str(paths.ROOT / "guide" / "timeline"))
    server.watch(str(RUNTIME_BUILD))
    if SNAPSHOT_BUILD.is_dir():
        server.watch(str(SNAPSHOT_BUILD))
    return server
