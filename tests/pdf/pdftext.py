"""The PDF's text, character by character with each one's box and font: read with pypdfium2
(PDFium, the engine pdfplumber renders with), which does this about ten times faster than
pdfplumber's pdfminer on a PDF of several hundred pages. Outline and metadata: pypdf."""

from __future__ import annotations

import ctypes
import itertools
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium_c

MM = 72 / 25.4  # PDF points per millimetre
FIXED_PITCH = 1  # PDF font descriptor flag: a monospaced font (code)


@dataclass
class Char:
    text: str
    left: float
    right: float
    bottom: float
    top: float
    mono: bool
    baseline: float  # y of the glyph's origin
    size: float  # font size, in points


@dataclass
class Page:
    number: int  # 1-based
    width: float
    height: float
    chars: list[Char] = field(default_factory=list)

    def lines(self, bottom_margin: float = 0.0) -> list[list[Char]]:
        """The characters above the bottom margin in reading order: lines from top to bottom
        (by baseline), each from left to right. (The order in which the PDF draws them is
        not that: a code block carried over from the previous page may come last.)"""
        lines: list[list[Char]] = []
        for char in sorted(self.chars, key=lambda c: -c.baseline):
            if char.baseline < bottom_margin:
                continue
            if lines and abs(lines[-1][0].baseline - char.baseline) < 1.0:
                lines[-1].append(char)
            else:
                lines.append([char])
        for line in lines:
            line.sort(key=lambda c: c.left)
        return lines

    def text(self, bottom_margin: float) -> str:
        """The text above the bottom margin (without the running footer), in reading order."""
        return "\n".join("".join(c.text for c in line) for line in self.lines(bottom_margin))

    def drawn_text(self, bottom_margin: float) -> str:
        """The text above the bottom margin in the order the PDF draws it: each piece of a
        diagram (a node's label, wrapped or not) comes whole."""
        return "".join(c.text for c in self.chars if c.baseline >= bottom_margin)

    def footer(self, bottom_margin: float) -> str:
        return "".join(c.text for c in self.chars if c.baseline < bottom_margin)

    def runs(self) -> list[tuple[str, bool]]:
        """The page's text cut into runs: each line, cut where a gap wider than its type size
        separates two pieces of text (two table cells, a title and a button beside it, a
        contents entry and its page number); with whether the run is all in a monospaced
        font (code)."""
        runs: list[list[Char]] = []
        for line in self.lines():
            runs.append([line[0]])
            for previous, char in itertools.pairwise(line):
                if char.left - previous.right > max(previous.size, 3.0):
                    runs.append([])
                runs[-1].append(char)
        found = [("".join(c.text for c in run).strip(), all(c.mono for c in run)) for run in runs]
        return [(text, mono) for text, mono in found if text]


def read(path: Path) -> list[Page]:
    document = pypdfium2.PdfDocument(str(path))
    pages = []
    name = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    left, right, bottom, top, x, y = (ctypes.c_double() for _ in range(6))
    try:
        for index in range(len(document)):
            pdf_page = document[index]
            width, height = pdf_page.get_size()
            page = Page(index + 1, width, height)
            textpage = pdf_page.get_textpage()
            raw = textpage.raw
            for i in range(pdfium_c.FPDFText_CountChars(raw)):
                code = pdfium_c.FPDFText_GetUnicode(raw, i)
                if pdfium_c.FPDFText_IsHyphen(raw, i):
                    code = ord("-")  # a hyphen that ends a line is still a hyphen
                elif pdfium_c.FPDFText_IsGenerated(raw, i) or code in (0, 0xFFFE, 0xFFFF):
                    continue  # spaces and line breaks PDFium inferred
                box = (ctypes.byref(v) for v in (left, right, bottom, top))
                pdfium_c.FPDFText_GetCharBox(raw, i, *box)
                pdfium_c.FPDFText_GetFontInfo(raw, i, name, len(name), ctypes.byref(flags))
                pdfium_c.FPDFText_GetCharOrigin(raw, i, ctypes.byref(x), ctypes.byref(y))
                page.chars.append(
                    Char(
                        chr(code),
                        left.value,
                        right.value,
                        bottom.value,
                        top.value,
                        bool(flags.value & FIXED_PITCH),
                        y.value,
                        pdfium_c.FPDFText_GetFontSize(raw, i),
                    )
                )
            textpage.close()
            pdf_page.close()
            pages.append(page)
    finally:
        document.close()
    return pages
