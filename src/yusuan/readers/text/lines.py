"""The text as lines: markup removed, cells split, whitespace normalised once.

A PDF converted to text carries layout that is not content: `<b>` around cells, heading
marks of any depth, list bullets, spaces where a narrow cell wrapped, paragraphs cut by page
breaks. This module removes all of it so the section readers see only what was printed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

_TAG = re.compile(r"</?b>", re.IGNORECASE)
_HEADING = re.compile(r"^\s*#{1,6}\s*")
_BULLET = re.compile(r"^\s*[-*•]\s+")
_SPACES = re.compile(r"\s+")
# A space between two Chinese characters inside a narrow table cell is where the cell wrapped.
_CJK_WRAP = re.compile(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])")
_NUMBERING = re.compile(
    r"^\s*(?:\d{1,2}\s*[.、．](?!\d)|[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)\s*"
)
_NUMBER = re.compile(r"[-−]?\d+(?:,\d{3})*(?:\.\d+)?")
#: A paragraph that ends with one of these is complete; anything else was cut by a page break.
_SENTENCE_END = tuple("。；！？：.;!?:…）)”」》")


@dataclass(slots=True)
class Line:
    no: int
    """1-based line number in the file."""
    text: str
    """The line without markup, heading marks or bullet, whitespace-normalised."""
    cells: list[str] | None
    """Tab-separated cells (markup removed, each whitespace-normalised), or None: no tab."""
    heading: bool
    """The converter marked it as a heading (`#`); carries no level and no meaning alone."""
    label: str = ""
    """The first cell with every space removed: how a table row names itself."""

    @property
    def blank(self) -> bool:
        return not self.text

    def filled(self) -> list[str]:
        """Non-empty cells, in order."""
        return [c for c in self.cells or [] if c]


def split_lines(text: str) -> list[Line]:
    out: list[Line] = []
    for no, raw in enumerate(text.split("\n"), start=1):
        clean = _TAG.sub("", raw) if "<" in raw else raw
        if "\t" in clean:
            cells = [norm(c) if c else c for c in clean.split("\t")]
            label = cells[0].replace(" ", "")
            out.append(Line(no, " ".join(c for c in cells if c), cells, False, label))
            continue
        heading = clean.lstrip().startswith("#")
        if heading:
            clean = _HEADING.sub("", clean, count=1)
        clean = _BULLET.sub("", clean, count=1)
        out.append(Line(no, norm(clean), None, heading))
    return out


def norm(text: str) -> str:
    """Runs of white space become one space; ends trimmed."""
    return " ".join(text.split())


def cell(text: str) -> str:
    """A narrow table cell: also drop the spaces its wrapping put between Chinese characters."""
    return _CJK_WRAP.sub("", text) if " " in text else text


def code(text: str) -> str:
    """A code (项目编码, 品目): no space is ever part of it."""
    return _SPACES.sub("", text)


def strip_numbering(text: str) -> str:
    return _NUMBERING.sub("", text, count=1)


def numbering(text: str) -> str | None:
    m = _NUMBERING.match(text)
    return m.group(0).strip() if m else None


def item_number(text: str) -> int | None:
    """The arabic item number a line starts with (`3、…`, `3. …`), if any."""
    m = re.match(r"^\s*(\d{1,2})\s*[.、．](?!\d)", text)
    return int(m.group(1)) if m else None


def number(text: str | None) -> Decimal | None:
    """The single number a cell holds (`42.40`, `1,234.5`, `100.00%`); None if it holds none."""
    if text is None:
        return None
    t = text.strip().rstrip("%％").strip()
    if not t or t in {"-", "—", "－", "/"}:
        return None
    m = _NUMBER.fullmatch(t)
    if m is None:
        return None
    return to_decimal(m.group(0))


def to_decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", "").replace("−", "-"))
    except InvalidOperation:
        return None


def ends_sentence(text: str) -> bool:
    return text.endswith(_SENTENCE_END)


def starts_item(text: str) -> bool:
    return _NUMBERING.match(text) is not None


def _titled(text: str) -> bool:
    """A short numbered line without a clause mark: a title printed without `#`, which no
    page break can have cut."""
    return len(text) <= 40 and starts_item(text) and not any(p in text for p in "，。；,;")


def paragraphs(lines: Iterable[Line]) -> Iterator[tuple[int, str]]:
    """Prose paragraphs (first line number, text), re-joining those a page break cut.

    Table rows and headings end a paragraph; a blank line ends it only if the text before it
    ends a sentence or the text after it starts a numbered item.
    """
    start, buf = 0, ""
    for line in lines:
        if line.cells is not None or line.heading:
            if buf:
                yield start, buf
            start, buf = 0, ""
            continue
        if line.blank:
            continue
        if buf and not ends_sentence(buf) and not starts_item(line.text) and not _titled(buf):
            buf += line.text
            continue
        if buf:
            yield start, buf
        start, buf = line.no, line.text
    if buf:
        yield start, buf
