"""Read the page sources: their fenced code blocks and their example blocks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from guide.hooks import examples

DOCS = Path(__file__).resolve().parents[2] / "docs"
FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\n]*?)[ \t]*$")


@dataclass(frozen=True)
class Fence:
    page: Path
    line: int
    info: str
    body: str
    marker: str  # the HTML comment on the line before the fence, if any

    def __str__(self) -> str:
        return f"{self.page.relative_to(DOCS)}:{self.line}: ```{self.info}"


def markdown_pages() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


def fences(page: Path) -> Iterator[Fence]:
    lines = page.read_text(encoding="utf-8").splitlines()
    index = 0
    while index < len(lines):
        opening = FENCE_OPEN.match(lines[index])
        if not opening:
            index += 1
            continue
        close = re.compile(rf"^[ \t]*{re.escape(opening['fence'])}[`~]*[ \t]*$")
        end = index + 1
        while end < len(lines) and not close.match(lines[end]):
            end += 1
        previous = lines[index - 1].strip() if index else ""
        yield Fence(
            page=page,
            line=index + 1,
            info=opening["info"],
            body="\n".join(lines[index + 1 : end]),
            marker=previous if previous.startswith("<!--") else "",
        )
        index = end + 1


def example_names(page: Path) -> list[str]:
    return [m["name"] for m in examples.EXAMPLE.finditer(page.read_text(encoding="utf-8"))]
