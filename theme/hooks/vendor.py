"""MkDocs hook: copy browser libraries from node_modules/ (pinned in package-lock.json) into
the site, so that no page ever loads anything from a CDN."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"

# site path under assets/vendor/  ->  file under node_modules/
VENDORED = {
    "mermaid/mermaid.min.js": "mermaid/dist/mermaid.min.js",
}


def on_files(files, config):
    for target, source in VENDORED.items():
        path = NODE_MODULES / source
        if not path.exists():
            raise PluginError(
                f"{path.relative_to(ROOT)} is missing: run `npm ci` (or build with `nox -s build`)"
            )
        files.append(File.generated(config, f"assets/vendor/{target}", abs_src_path=str(path)))
    return files
