"""The runnable blocks of the built site, found in its HTML (pages keep gaining them)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

BLOCK = re.compile(r'<div class="guide-example"(?P<attributes>[^>]*\bdata-run="browser"[^>]*)>')
ATTRIBUTE = re.compile(r'\bdata-(?P<name>[\w-]+)="(?P<value>[^"]*)"')


@dataclass(frozen=True)
class RunnableBlock:
    """One `/// example` block marked `run: browser`, as the built page has it."""

    page: str  # URL path of the page, e.g. "asyncio/tasks/"
    index: int  # its position among the page's runnable blocks
    snippet: str
    needs: frozenset[str]
    recorded: str | None
    session: str | None

    @property
    def id(self) -> str:
        return f"{self.page}#{self.index}:{self.snippet}"


def page_url(site_dir: Path, path: Path) -> str:
    relative = path.relative_to(site_dir).as_posix()
    return relative[: -len("index.html")] if relative.endswith("index.html") else relative


def runnable_blocks(site_dir: Path) -> list[RunnableBlock]:
    """Every runnable block of every page, in page order."""
    found = []
    for path in sorted(site_dir.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        for index, match in enumerate(BLOCK.finditer(text)):
            data = {m["name"]: html.unescape(m["value"]) for m in ATTRIBUTE.finditer(match[0])}
            found.append(
                RunnableBlock(
                    page=page_url(site_dir, path),
                    index=index,
                    snippet=data["snippet"],
                    needs=frozenset(data.get("needs", "").split()),
                    recorded=data.get("recorded"),
                    session=data.get("session"),
                )
            )
    return found
