"""MkDocs hook: put the browser code into the site, from node_modules/ (pinned in
package-lock.json), so that no page ever loads anything from a CDN.

- copies libraries: mermaid, Pyodide's core files (assets/vendor/pyodide/) and
  coi-serviceworker (at the site root, so that its scope covers every page);
- bundles the in-page runner (theme/runner/: runner.js, editor.js with CodeMirror 6,
  worker.js with guide_runtime.py, runner.css) with esbuild into assets/runner/.

A plain `mkdocs build` after `npm ci` produces the whole site.
"""

from __future__ import annotations

import mimetypes
import subprocess
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"
RUNNER = ROOT / "theme" / "runner"

# site path  ->  file under node_modules/
VENDORED = {
    "assets/vendor/mermaid/mermaid.min.js": "mermaid/dist/mermaid.min.js",
    # Pyodide's core: what loadPyodide() fetches (no package wheels: the stdlib is enough).
    "assets/vendor/pyodide/pyodide.mjs": "pyodide/pyodide.mjs",
    "assets/vendor/pyodide/pyodide.asm.mjs": "pyodide/pyodide.asm.mjs",
    "assets/vendor/pyodide/pyodide.asm.wasm": "pyodide/pyodide.asm.wasm",
    "assets/vendor/pyodide/python_stdlib.zip": "pyodide/python_stdlib.zip",
    "assets/vendor/pyodide/pyodide-lock.json": "pyodide/pyodide-lock.json",
    # Makes pages cross-origin isolated where the host cannot send headers (GitHub Pages),
    # so that Stop can interrupt Python instead of restarting it. Must sit at the root.
    "coi-serviceworker.js": "coi-serviceworker/coi-serviceworker.min.js",
}

# esbuild entry points (under theme/runner/) -> bundles under assets/runner/
ENTRIES = ["runner.js", "worker.js", "runner.css", "isolation.js"]

# Local servers (`mkdocs serve`) must send JavaScript modules and WebAssembly with their types.
mimetypes.add_type("text/javascript", ".mjs")
mimetypes.add_type("application/wasm", ".wasm")


def _missing(path: Path) -> PluginError:
    return PluginError(
        f"{path.relative_to(ROOT)} is missing: run `npm ci` (or build with `nox -s build`)"
    )


def bundle_runner() -> dict[str, bytes]:
    """Run esbuild on theme/runner/; return {file name: content} of the bundles."""
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
            raise PluginError(f"esbuild failed on theme/runner/:\n{done.stderr}")
        return {p.name: p.read_bytes() for p in Path(out).iterdir() if p.is_file()}


def on_files(files, config):
    # theme/runner/ holds sources: the site gets their bundles instead.
    for file in list(files):
        if file.abs_src_path and Path(file.abs_src_path).is_relative_to(RUNNER):
            files.remove(file)
    for target, source in VENDORED.items():
        path = NODE_MODULES / source
        if not path.exists():
            raise _missing(path)
        files.append(File.generated(config, target, abs_src_path=str(path)))
    for name, content in bundle_runner().items():
        files.append(File.generated(config, f"assets/runner/{name}", content=content))
    return files


def on_serve(server, config, builder):
    server.watch(str(RUNNER))
    return server
