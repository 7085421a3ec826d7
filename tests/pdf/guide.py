"""What the PDF must hold, found from the sources and the built site, never listed by hand:
the nav of mkdocs.yml (sections and pages, in order), each page's title as the built site
shows it, the example blocks of the pages with their code and recorded output, and the
diagrams, content tabs and admonitions the pages contain."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from guide import snippet_metadata
from guide.hooks import examples

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
SECTION_MARKER = re.compile(r"--8<--\s*\[(start|end):[\w-]+\]")
WHITESPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    """Text without any whitespace: PDF text wraps lines and spaces words its own way."""
    return WHITESPACE.sub("", text)


class _AnyTagLoader(yaml.SafeLoader):
    """mkdocs.yml with its tags (!ENV, !!python/name:...) read as nothing: only nav matters."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_AnyTagLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, s, node: None)


@dataclass
class Page:
    source: str  # path under docs/, e.g. "threads/race.md"
    nav_title: str | None
    section: str | None  # the nav section it is in (top level), None for a top-level page

    @property
    def url(self) -> str:
        """Its address in the built site (use_directory_urls: true)."""
        stem = Path(self.source).with_suffix("")
        if stem.name in ("index", "README"):
            return "" if str(stem.parent) == "." else f"{stem.parent.as_posix()}/"
        return f"{stem.as_posix()}/"

    def built(self, site_dir: Path) -> Path:
        return site_dir / self.url / "index.html"

    def title(self, site_dir: Path) -> str:
        """The page's title as printed: the first <h1> of its article on the built site."""
        text = self.built(site_dir).read_text(encoding="utf-8")
        article = text[text.find('<article class="md-content__inner') :]
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", article, re.DOTALL)
        if heading is None:
            return self.nav_title or ""
        return plain(heading[1]).replace("¶", "").strip()


@dataclass
class Section:
    title: str
    pages: list[Page] = field(default_factory=list)


def plain(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def nav() -> list[Page | Section]:
    """The nav of mkdocs.yml: top-level pages and sections (sub-sections flattened into
    their top-level section), in order; links to other sites left out."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTagLoader)
    items: list[Page | Section] = []

    def pages_of(entries, section: str | None) -> list[Page]:
        found = []
        for entry in entries:
            title, value = next(iter(entry.items())) if isinstance(entry, dict) else (None, entry)
            if isinstance(value, list):
                found += pages_of(value, section)
            elif isinstance(value, str) and not re.match(r"^[a-z]+://", value):
                found.append(Page(value, title, section))
        return found

    for entry in config["nav"]:
        title, value = next(iter(entry.items())) if isinstance(entry, dict) else (None, entry)
        if isinstance(value, list):
            items.append(Section(title, pages_of(value, title)))
        else:
            items += pages_of([entry], None)
    return items


def all_pages() -> list[Page]:
    return [p for item in nav() for p in (item.pages if isinstance(item, Section) else [item])]


@dataclass
class Example:
    page: str
    snippet: snippet_metadata.Snippet
    options: dict[str, str]

    @property
    def name(self) -> str:
        return self.snippet.name

    def __str__(self) -> str:
        return f"{self.page}: {self.name}"

    @property
    def code(self) -> str:
        """The code the page shows: the program without its metadata block, or one section."""
        lines = self.snippet.path.read_text(encoding="utf-8").splitlines()
        section = self.options.get("section")
        if section:
            start = lines.index(next(x for x in lines if f"[start:{section}]" in x))
            end = lines.index(next(x for x in lines if f"[end:{section}]" in x))
            lines = lines[start + 1 : end]
        else:
            lines = lines[self.snippet.body_start_line - 1 :]
        return "\n".join(line for line in lines if not SECTION_MARKER.search(line))

    @property
    def recording(self) -> dict | None:
        if self.options.get("output", "true") == "false":
            return None
        recording = snippet_metadata.recordings().get(self.name)
        return recording if recording and self.snippet.output_path.exists() else None

    @property
    def output(self) -> str | None:
        """The recorded output the page shows under the code, if any."""
        if self.recording is None:
            return None
        return self.snippet.output_path.read_text(encoding="utf-8")

    @property
    def output_title(self) -> str | None:
        """The label over the output: "Output · CPython 3.13.0" (and what else applies)."""
        return examples._output_title(self.snippet, self.recording) if self.recording else None


def page_sources() -> list[tuple[Page, str]]:
    """Each Markdown page of the nav with its source (notebooks have no example blocks)."""
    return [
        (page, (DOCS / page.source).read_text(encoding="utf-8"))
        for page in all_pages()
        if page.source.endswith(".md")
    ]


def examples_shown() -> list[Example]:
    """Every example block of every page in the nav, in nav order."""
    found = []
    for page, text in page_sources():
        for match in examples.EXAMPLE.finditer(text):
            options = examples.options(match["options"], f"{page.source}: {match['name']}")
            found.append(Example(page.source, snippet_metadata.find(match["name"]), options))
    return found


FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*mermaid[ \t]*\n(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
# Labels in a mermaid source: ["quoted"], [plain], (round), {decision}, |edge|, -- "edge" --,
# "participant X as Name", and sequence messages "A->>B: text".
MERMAID_LABELS = [
    re.compile(r'[\[\(\{>|]+"([^"\n]+)"[\]\)\}|]'),
    re.compile(r"\b\w+\s*[\[\(\{]{1,2}([^\[\]\(\)\{\}\"|\n]+)[\]\)\}]{1,2}"),
    re.compile(r"\|([^|\"\n]+)\|"),
    re.compile(r'--\s*"([^"\n]+)"\s*--'),
    re.compile(r"^\s*(?:participant|actor)\s+\w+\s+as\s+(.+?)\s*$", re.MULTILINE),
    re.compile(r"^\s*[\w]+\s*-[-.>x)]+\+?-?\s*[\w]+\s*:\s*(.+?)\s*$", re.MULTILINE),
    re.compile(r"^\s*title\s+(.+?)\s*$", re.MULTILINE),
]


def mermaid_labels(source: str) -> list[str]:
    """Text a reader must see in a diagram: its node, edge and message labels (<br/> splits)."""
    labels = []
    for pattern in MERMAID_LABELS:
        for match in pattern.finditer(source):
            for part in re.split(r"<br\s*/?>", match[1]):
                part = plain(part).strip()
                if part and not part.startswith(("#", "%%")):
                    labels.append(part)
    return list(dict.fromkeys(labels))


def diagrams() -> list[tuple[str, int, list[str]]]:
    """(page, number on the page, labels) for every mermaid diagram of the pages in the nav."""
    return [
        (page.source, number, mermaid_labels(match["body"]))
        for page, text in page_sources()
        for number, match in enumerate(FENCE.finditer(text), 1)
    ]


TAB = re.compile(r'^[ \t]*===\+?[ \t]+"([^"]+)"', re.MULTILINE)
ADMONITION = re.compile(
    r'^[ \t]*(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+[\w-]+)*[ \t]+"([^"]+)"', re.MULTILINE
)


def _title(markdown: str) -> str:
    """A title as printed: without its Markdown marks (`code`, **strong**, *emphasis*)."""
    return plain(re.sub(r"`|\*\*|(?<!\w)\*|\*(?!\w)", "", markdown))


def tab_titles() -> list[tuple[str, str]]:
    return [(p.source, _title(t)) for p, text in page_sources() for t in TAB.findall(text)]


def admonition_titles() -> list[tuple[str, str]]:
    return [(p.source, _title(t)) for p, text in page_sources() for t in ADMONITION.findall(text)]
