"""Figures quoted from recorded runs come from the recordings (theme/hooks/recorded_figures.py)."""

from __future__ import annotations

import contextlib
import io
import math
import re
import tokenize

import pytest

from guide import snippet_metadata
from guide.hooks import recorded_figures

from .pages import DOCS, example_names, markdown_pages

# A figure in prose: a decimal number, or a number with a unit of time, a ratio or a percentage.
FIGURE = re.compile(
    r"(?<![\w.])(?P<number>\d+(?:[.,]\d+)*)"
    r"(?:(?P<space>\s?)(?P<unit>ms|µs|ns|s|seconds|milliseconds|microseconds|times|×|%)(?![\w]))?"
)
# A bare decimal that reads as a Python version ("new in 3.12") is not a figure.
PYTHON_VERSION = re.compile(r"1\.[0-6]|2\.[0-7]|3\.\d{1,2}")
SECONDS_PER = {
    "s": 1,
    "seconds": 1,
    "ms": 1e-3,
    "milliseconds": 1e-3,
    "µs": 1e-6,
    "microseconds": 1e-6,
    "ns": 1e-9,
}
FENCED = re.compile(r"^([ \t]*)(`{3,}|~{3,}).*?^\1\2[`~]*[ \t]*$", re.MULTILINE | re.DOTALL)
BLOCK = re.compile(r"^[ \t]*/// \w+ \| .*?^[ \t]*///[ \t]*$", re.MULTILINE | re.DOTALL)
CODE_SPAN = re.compile(r"(`+).+?\1")
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def prose(markdown: str) -> str:
    """The page's text as a reader reads it, without code, blocks and %recorded% figures."""
    for pattern in (FENCED, BLOCK, COMMENT, recorded_figures.REFERENCE, CODE_SPAN):
        markdown = pattern.sub(" ", markdown)
    return markdown


def typed_figures(text: str) -> list[tuple[str, re.Pattern[str]]]:
    """Each figure typed in TEXT, with the pattern that finds the same figure in an output:
    the number with its unit, or a decimal number alone (whole integers alone are too common
    to mean anything)."""
    found = []
    for match in FIGURE.finditer(text):
        number, unit = match["number"], match["unit"]
        if unit == "×" and match["space"]:  # "5 × 5 ms" multiplies; a ratio reads "1.9×"
            unit = None
        if not unit and (not re.search(r"[.,]\d", number) or PYTHON_VERSION.fullmatch(number)):
            continue
        escaped = re.escape(number).replace(",", ",?")
        if unit in SECONDS_PER:
            unit_pattern = rf"\s?{re.escape(unit)}(?!\w)"
        else:  # a ratio or a share may be printed as "1.9×", "1.9 times" or "1.9"
            unit_pattern = r"(?!\d|\.\d)"
        found.append((match[0], re.compile(rf"(?<![\w.]){escaped}{unit_pattern}")))
    return found


# Defaults the Python documentation states, which a page may state too although a program
# prints them: the switch interval (sys.getswitchinterval()) and asyncio's slow-callback limit.
DOCUMENTED_DEFAULTS = {0.005, 0.1}


def literal_values(source: str) -> set[float]:
    """The numbers written as literals in a program's source (its parameters)."""
    values = set()
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.NUMBER:
            with contextlib.suppress(ValueError):
                values.add(float(token.string.replace("_", "")))
    return values


def is_parameter(typed: str, literals: set[float]) -> bool:
    """Whether a typed figure is a value the programs are given (one of their LITERALS:
    `sleep(0.005)` is "5 ms"), which the page may state, rather than one a run measured."""
    match = FIGURE.fullmatch(typed)
    value = float(match["number"].replace(",", ""))
    value *= SECONDS_PER.get(match["unit"], 1)
    if match["unit"] in SECONDS_PER and value in DOCUMENTED_DEFAULTS:
        return True
    return any(math.isclose(value, literal, rel_tol=1e-9) for literal in literals)


def recordings_shown_on(page) -> dict[str, str]:
    outputs = {}
    for name in example_names(page):
        path = snippet_metadata.find(name).output_path
        if path.exists():
            outputs[name] = path.read_text(encoding="utf-8")
    return outputs


def programs_shown_on(page) -> list[str]:
    return [
        snippet_metadata.find(name).path.read_text(encoding="utf-8") for name in example_names(page)
    ]


def figures_copied(markdown: str, outputs: dict[str, str], programs: list[str] = ()) -> list[str]:
    """The figures typed in MARKDOWN's prose that one of OUTPUTS (name: text) prints, other
    than the parameters written in PROGRAMS' sources."""
    literals = set().union(*(literal_values(source) for source in programs))
    copied = []
    for typed, pattern in typed_figures(prose(markdown)):
        sources = [name for name, output in outputs.items() if pattern.search(output)]
        if sources and not is_parameter(typed, literals):
            copied.append(f"{typed!r} (in {', '.join(sources)})")
    return copied


def test_no_page_types_a_figure_that_its_recordings_print() -> None:
    copied = [
        f"{page.relative_to(DOCS)}: {figure}"
        for page in markdown_pages()
        for figure in figures_copied(
            page.read_text(encoding="utf-8"), recordings_shown_on(page), programs_shown_on(page)
        )
    ]
    assert not copied, (
        'take these from the recording with %recorded section/name.py "pattern"%, or word '
        "the sentence without the figure:\n" + "\n".join(copied)
    )


def test_the_check_finds_a_figure_copied_from_a_recording() -> None:
    # A page quoting "0.29 s" from an output that printed it is caught; the same figure
    # inside code, or taken through %recorded%, is not; nor is one the output never printed.
    outputs = {"x/pool.py": "threads: 0.24 s\nprocesses: 0.29 s (1.2×)\n"}
    assert figures_copied("It took 0.29 s, a 1.2× gain.", outputs) == [
        "'0.29 s' (in x/pool.py)",
        "'1.2×' (in x/pool.py)",
    ]
    quoted = 'It took `0.29 s`; here %recorded x/pool.py "processes: (\\S+ s)"%.'
    assert figures_copied(quoted, outputs) == []
    assert figures_copied("It took 0.3 s, of 1.25 s.", outputs) == []
    # A value the program is given is a parameter, which the page may state.
    assert figures_copied("It waits 0.24 s.", outputs, ["time.sleep(0.24)"]) == []
    assert figures_copied("It waits 240 ms.", outputs | {"y": "240 ms"}, ["sleep(0.24)"]) == []
    assert figures_copied("1.9 times as fast", {"r": "speed-up: 1.9x"}) == ["'1.9 times' (in r)"]
    assert figures_copied("The default is 5 ms.", {"v": "5 ms"}) == []
    assert figures_copied("Python 3.13 and 3.15", {"v": "3.13 3.15"}) == []
    block = "/// example | x/pool.py\n///\n\n```text\n0.29 s\n```\n"
    assert figures_copied(block, outputs) == []


def test_typed_figures_are_numbers_with_units_or_decimals() -> None:
    found = [
        typed for typed, _ in typed_figures("ten threads, 3 of them, 0.39 s, 1.9×, 5 ms, 12%, 7")
    ]
    assert found == ["0.39 s", "1.9×", "5 ms", "12%"]
    ((_, pattern),) = typed_figures("took 1,200 ms")
    assert pattern.search("elapsed: 1200 ms") and not pattern.search("11,200 ms")


def test_a_figure_is_the_first_group_of_its_unique_match() -> None:
    output = snippet_metadata.find("asyncio/tasks.py").output_path.read_text(encoding="utf-8")
    first_line = output.splitlines()[0]
    assert recorded_figures.figure("asyncio/tasks.py", re.escape(first_line)) == first_line
    word = re.search(r"\w+", first_line)[0]
    assert recorded_figures.figure("asyncio/tasks.py", rf"^({re.escape(word)})") == word


@pytest.mark.parametrize(
    ("pattern", "message"),
    [(r"no such text anywhere", "0 times"), (r"\n", "times, not once"), (r"(", "not a regular")],
)
def test_a_pattern_that_does_not_match_once_is_an_error(pattern, message) -> None:
    with pytest.raises(ValueError, match=message):
        recorded_figures.figure("asyncio/tasks.py", pattern)


def test_a_figure_renders_with_where_it_came_from() -> None:
    recorded = {"asyncio/tasks.py": {"python": "CPython 3.15.2"}}
    output = snippet_metadata.find("asyncio/tasks.py").output_path.read_text(encoding="utf-8")
    line = re.escape(output.splitlines()[0])
    html = recorded_figures.render("asyncio/tasks.py", line, recorded)
    assert html.startswith('<span class="guide-recorded" title="from the recorded output of ')
    assert "asyncio/tasks.py (CPython 3.15.2)" in html


def test_references_in_pages_name_real_snippets_and_match_once() -> None:
    references = [
        (page, match)
        for page in markdown_pages()
        for match in recorded_figures.REFERENCE.finditer(page.read_text(encoding="utf-8"))
    ]
    for page, match in references:
        assert recorded_figures.figure(match["name"], match["pattern"]), (page, match[0])
