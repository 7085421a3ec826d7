"""The tagged structure of the PDF (what Chromium writes with `tagged=True`, from the page's
accessibility tree): its elements of a given kind (/Figure, /Table, ...) and the pages on
which each one's content is drawn. A figure or table printed whole is on one page."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pikepdf


@dataclass
class Element:
    kind: str  # "Figure", "Table", ...
    pages: set[int] = field(default_factory=set)  # 1-based: where its marked content is
    rows: int = 0  # for a table: its /TR elements
    alt: str | None = None


def _kids(element: pikepdf.Dictionary) -> list:
    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def elements(path: Path, kinds: set[str]) -> list[Element]:
    """Every structure element of one of `kinds`, in document order, with the pages its
    content (text and drawings that Chromium marks) is on. An element inside another of
    the kinds is listed too (a table in a figure)."""
    found: list[Element] = []
    with pikepdf.open(path) as pdf:
        number = {page.objgen: index + 1 for index, page in enumerate(pdf.pages)}

        def walk(node: pikepdf.Dictionary, page, open_elements: list[Element]) -> None:
            page = node.get("/Pg", page)
            kind = str(node.get("/S", "")).removeprefix("/")
            if kind in kinds:
                alt = node.get("/Alt")
                element = Element(kind, alt=str(alt) if alt is not None else None)
                found.append(element)
                open_elements = [*open_elements, element]
            if kind == "TR":
                for element in open_elements:
                    element.rows += 1
            for kid in _kids(node):
                if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    walk(kid, page, open_elements)
                    continue
                if isinstance(kid, pikepdf.Dictionary):  # a marked-content or object reference
                    where = kid.get("/Pg", page)
                else:  # a marked-content id on the element's page
                    where = page
                if where is not None:
                    for element in open_elements:
                        element.pages.add(number[where.objgen])

        root = pdf.Root.get("/StructTreeRoot")
        if root is not None:
            for kid in _kids(root):
                if isinstance(kid, pikepdf.Dictionary):
                    walk(kid, None, [])
    return found
