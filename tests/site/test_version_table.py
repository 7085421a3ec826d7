"""The "what changed when" table (docs/foundations/versions.md) stays true: each example it
names exists and is shown in the section its link points to, no example needs a newer
Python than its row, and every example that needs Python 3.14 or later has a row of its
version. The snippets' own PEP 723 headers (requires-python) are the data."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
TABLE = DOCS / "foundations" / "versions.md"
TESTED = ["3.11", "3.12", "3.13", "3.14", "3.15"]
KINDS = {"new", "changed", "deprecated", "removed"}
ROW = re.compile(r"^\| (3\.\d+) \| (\w+) \| (.+) \| (.+) \|$")
LINK = re.compile(r"\[([^\]]+)\]\(([^)#\s]+)(?:#([^)\s]+))?\)")
EXAMPLE = re.compile(r"^/// example \| (\S+)\s*$")
HEADING = re.compile(r"^#{1,6} (.+?)\s*$")


def version(text: str) -> tuple[int, int]:
    major, minor = text.split(".")
    return int(major), int(minor)


def requires_python(snippet: Path) -> tuple[int, int] | None:
    """The minimum version in the snippet's PEP 723 block, if it declares one."""
    lines = snippet.read_text(encoding="utf-8").splitlines()
    if not lines or lines[0] != "# /// script":
        return None
    end = lines.index("# ///", 1)
    header = tomllib.loads(
        "\n".join(line.removeprefix("#").removeprefix(" ") for line in lines[1:end])
    )
    spec = header.get("requires-python")
    if spec is None:
        return None
    match = re.fullmatch(r">=\s*(3\.\d+)", spec)
    assert match, f"{snippet}: requires-python {spec!r} is not of the form '>=3.N'"
    return version(match[1])


def slug(heading: str) -> str:
    """The anchor Python-Markdown's toc extension gives a heading (its default slugify)."""
    text = unicodedata.normalize("NFKD", heading).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def sections_of_examples(page: Path) -> dict[str, set[str]]:
    """For each example block on a page, the anchors of the sections it is shown in."""
    found: dict[str, set[str]] = {}
    heading = ""
    for line in page.read_text(encoding="utf-8").splitlines():
        if match := HEADING.match(line):
            heading = slug(match[1])
        elif match := EXAMPLE.match(line):
            found.setdefault(match[1], set()).add(heading)
    return found


@dataclass(frozen=True)
class Link:
    text: str
    page: Path
    anchor: str | None


@dataclass(frozen=True)
class Row:
    line: int
    python: str
    kind: str
    change: str
    links: tuple[Link, ...]

    @property
    def examples(self) -> list[Link]:
        return [link for link in self.links if re.fullmatch(r"`\w+/\w+\.py`", link.text)]

    def __str__(self) -> str:
        return f"versions.md:{self.line} ({self.python}: {self.change[:40]})"


def rows() -> list[Row]:
    found = []
    for number, line in enumerate(TABLE.read_text(encoding="utf-8").splitlines(), 1):
        if match := ROW.match(line):
            links = tuple(
                Link(text, (TABLE.parent / target).resolve(), anchor)
                for text, target, anchor in LINK.findall(match[4])
            )
            found.append(Row(number, match[1], match[2], match[3], links))
    return found


ROWS = rows()
SNIPPET_FILES = sorted(p for p in SNIPPETS.rglob("*.py") if p.parent.parent == SNIPPETS)


def test_the_table_covers_every_tested_version_in_order() -> None:
    assert len(ROWS) >= 30, "the table was not found or lost its rows"
    versions = [row.python for row in ROWS]
    assert versions == sorted(versions, key=version), "rows go from the oldest version up"
    assert sorted(set(versions), key=version) == TESTED
    for row in ROWS:
        assert row.kind in KINDS, row
        assert row.links, f"{row}: links to no page"
        for link in row.links:
            assert link.page.is_file(), f"{row}: {link.page} does not exist"


@pytest.mark.parametrize("row", [r for r in ROWS if r.examples], ids=str)
def test_each_linked_example_is_shown_where_its_link_points(row: Row) -> None:
    for link in row.examples:
        name = link.text.strip("`")
        snippet = SNIPPETS / name
        assert snippet.is_file(), f"{row}: no example {name}"
        sections = sections_of_examples(link.page).get(name)
        assert sections, f"{row}: {link.page.relative_to(DOCS)} does not show {name}"
        assert link.anchor in sections, (
            f"{row}: {name} is shown under #{' #'.join(sorted(sections))}, not under #{link.anchor}"
        )
        needs = requires_python(snippet)
        assert needs is None or needs <= version(row.python), (
            f"{row}: {name} needs Python {needs[0]}.{needs[1]}, newer than the row"
        )


def test_every_example_that_needs_314_or_later_is_in_a_row_of_its_version() -> None:
    listed: dict[str, set[str]] = {}
    for row in ROWS:
        for link in row.examples:
            listed.setdefault(link.text.strip("`"), set()).add(row.python)
    missing = []
    for snippet in SNIPPET_FILES:
        needs = requires_python(snippet)
        if needs is None or needs < (3, 14):
            continue
        name = str(snippet.relative_to(SNIPPETS))
        wanted = f"{needs[0]}.{needs[1]}"
        if wanted not in listed.get(name, set()):
            missing.append(f"{name} (Python {wanted})")
    assert not missing, f"examples missing from the table: {missing}"


def test_the_header_parser_reads_what_the_snippets_declare(tmp_path: Path) -> None:
    script = tmp_path / "x.py"
    script.write_text(
        '# /// script\n# requires-python = ">=3.15"\n# [tool.guide]\n# check = "property"\n# ///\nprint()\n'
    )
    assert requires_python(script) == (3, 15)
    script.write_text('# /// script\n# [tool.guide]\n# varies = "x"\n# ///\n')
    assert requires_python(script) is None
    script.write_text("print('no header')\n")
    assert requires_python(script) is None
    assert slug("Values nobody can change: `frozendict` (Python 3.15)") == (
        "values-nobody-can-change-frozendict-python-315"
    )
