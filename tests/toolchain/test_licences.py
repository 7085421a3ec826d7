"""One licence story: LICENSE says what covers the code and what covers the text, and every
package the project builds declares the same licence for its code."""

from __future__ import annotations

import json
import re
import tomllib

from guide import paths

CODE_LICENCE = "MIT"
TEXT_LICENCE = "CC-BY-4.0"


def spdx_identifiers(text: str) -> list[str]:
    return re.findall(r"SPDX-License-Identifier: (\S+)", text)


def test_the_licence_file_names_one_licence_for_code_and_one_for_text() -> None:
    text = (paths.ROOT / "LICENSE").read_text(encoding="utf-8")
    assert spdx_identifiers(text) == [CODE_LICENCE, TEXT_LICENCE]
    assert "Permission is hereby granted, free of charge" in text  # the MIT terms themselves


def test_every_package_declares_the_code_licence() -> None:
    package = json.loads((paths.ROOT / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((paths.ROOT / "package-lock.json").read_text(encoding="utf-8"))
    declared = {
        "package.json": package["license"],
        "package-lock.json": lock["packages"][""]["license"],
    }
    for pyproject in (paths.ROOT / "pyproject.toml", paths.SIMTHREADS / "pyproject.toml"):
        project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
        declared[str(pyproject.relative_to(paths.ROOT))] = project["license"]
    assert set(declared.values()) == {CODE_LICENCE}, declared
