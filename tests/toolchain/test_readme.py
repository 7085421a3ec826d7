"""The README names every top-level folder of the repository in its layout table, so that a
newcomer sees the architecture from the top."""

from __future__ import annotations

import re
import subprocess

from guide import paths, snippet_metadata


def tracked_top_level_folders() -> set[str]:
    listed = subprocess.run(
        ["git", "ls-files"], cwd=paths.ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    return {line.split("/")[0] for line in listed if "/" in line}


def test_the_layout_names_every_top_level_folder() -> None:
    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    layout = readme[readme.index("## Layout") :]
    layout = layout[: layout.index("\n## ", 1)]
    named = {match.split("/")[0] for match in re.findall(r"^\| `([^`]+)`", layout, re.M)}
    named |= {m.split("/")[0] for m in re.findall(r"`([.\w-]+/)", layout)}
    folders = tracked_top_level_folders()
    assert len(folders) > 5, folders
    assert folders <= named, f"the README's layout does not name {sorted(folders - named)}"


def test_the_readme_describes_every_metadata_key() -> None:
    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    # named in prose (`key`) or set in the example block (# key = ...)
    missing = [
        key
        for key in snippet_metadata.GUIDE_KEYS
        if f"`{key}" not in readme and f"# {key} =" not in readme
    ]
    assert not missing, f"the README does not describe [tool.guide] keys {missing}"
