"""The narrative (情况说明) of a PDF that prints standard tables, paragraph by paragraph.

A 决算 explains its tables in prose: `本年收入合计2946.25万元，其中：…`. The audit checks each
sentence's figures against the table cells they describe, so the prose is kept as printed:
one `Paragraph` per printed paragraph, its lines joined across line wraps and page breaks,
under the nearest heading above it and the headings that enclose that one (`parents`:
`第三部分 …情况说明` above `五、…` above `（一）…`), so that the audit sees every year printed
in a heading, even one directly followed by a lower heading.

The part is found by its headings, not by page numbers: it begins at the first heading that
names an explanation (`第三部分 …情况说明`, `一、收入支出决算总体情况说明`) and ends at the
glossary (`名词解释`), at the heading of another part, or where the standard tables begin.
The table of contents and the pages that hold a standard table are no part of it.

Headings are recognised by their text (`一、` / `（一）` numbering on a short line without a
clause) or a larger type, since many typesetters draw bold type by stroking a regular font.
A paragraph begins after a heading, at an indented or numbered line, or after a line that ends
a sentence short of the right margin; a line after an unfinished sentence (`主要原因：`) goes on
with it even across a wider gap or a page break.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ...model import Paragraph, Source, StandardTable
from .layout import PageParts
from .pages import Run
from .tables import join_wrapped

_CN_NO = "一二三四五六七八九十"
#: A heading's numbering: `一、`, `（一）`, `第三部分`.
_HEADING_NO = re.compile(rf"^(?:[{_CN_NO}]+\s*、|[（(]\s*[{_CN_NO}]+\s*[）)]|第[{_CN_NO}]+部分)")
#: A numbered paragraph or list item: `1、`, `1.`, `（1）` (and the heading numberings).
_ITEM_NO = re.compile(r"^(?:\d{1,3}\s*[、.．](?!\d)|[（(]\s*\d{1,3}\s*[）)])")
_PART = re.compile(rf"^第[{_CN_NO}]+部分")
#: The outline levels by numbering, outermost first: `第三部分`, `一、`, `（一）`, `1.`, `（1）`.
_LEVELS = (
    _PART,
    re.compile(rf"^[{_CN_NO}]+、"),
    re.compile(rf"^[（(][{_CN_NO}]+[）)]"),
    re.compile(r"^\d{1,3}[、.．](?!\d)"),
    re.compile(r"^[（(]\d{1,3}[）)]"),
)
#: What ends a sentence (or a list item).
_SENTENCE_END = ("。", "！", "？", "；", ";", "!", "?")
_CLAUSE = re.compile(r"[，,；;：:]")


@dataclass(slots=True)
class _Line:
    page: int
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    height: float
    """The printed height (points): what indents and gaps are measured in."""
    size: float
    """The type size most of its characters are set in: a title's is larger."""


@dataclass(slots=True)
class _Block:
    heading: bool
    lines: list[_Line] = field(default_factory=list)
    barrier: bool = False
    """A page left out (contents, a standard table) lies before it: nothing continues over it."""

    @property
    def text(self) -> str:
        return join_wrapped([line.text for line in self.lines])


def read_narrative(parts: list[PageParts], tables: list[StandardTable]) -> list[Paragraph]:
    """The paragraphs of the explanation part, each under its nearest heading."""
    if not tables:
        return []
    table_pages = {p for t in tables for p in t.pages}
    pages = []
    contents = False
    for p in parts:
        # The contents, and a page that goes on with them (headings only), are left out.
        contents = _contents(p) or (contents and _only_headings(p))
        if p.no not in table_pages and not contents:
            pages.append(p)
    lines_by_page = [
        [
            _Line(
                p.no,
                line.text,
                line.x0,
                line.top,
                line.x1,
                line.bottom,
                line.size,
                _type_size(line.runs),
            )
            for line in p.prose
            if line.text.strip()
        ]
        for p in pages
    ]
    sizes = Counter(line.size for page in lines_by_page for line in page)
    if not sizes:
        return []
    body = sizes.most_common(1)[0][0]
    blocks: list[_Block] = []
    previous_no: int | None = None
    for page_lines in lines_by_page:
        if not page_lines:
            continue
        no = page_lines[0].page
        barrier = previous_no is not None and no != previous_no + 1
        previous_no = no
        _group(page_lines, body, blocks, barrier)
    return _select(blocks)


def _type_size(runs: list[Run]) -> float:
    """The size most characters of the line are set in (a word in larger type is no title)."""
    weight: Counter[float] = Counter()
    for run in runs:
        weight[round(run.size, 1)] += len(run.text.strip())
    return weight.most_common(1)[0][0] if weight else 0.0


def _contents(page: PageParts) -> bool:
    return any(re.sub(r"\s+", "", line.text) in ("目录", "目次") for line in page.prose)


def _only_headings(page: PageParts) -> bool:
    texts = [line.text.strip() for line in page.prose if line.text.strip()]
    return bool(texts) and all(
        _HEADING_NO.match(t) and not _CLAUSE.search(t.rstrip("。")) for t in texts
    )


def _is_heading(line: _Line, body: float) -> bool:
    if line.size >= 1.2 * body:
        return True
    text = line.text.strip()
    if not _HEADING_NO.match(text) or len(text) > 60:
        return False
    return not _CLAUSE.search(text.rstrip("。"))


def _group(lines: list[_Line], body: float, blocks: list[_Block], barrier: bool) -> None:
    """One page's lines added to `blocks`: headings and paragraphs, continuing the last one."""
    bodies = [line for line in lines if not _is_heading(line, body)]
    left = min((line.x0 for line in bodies), default=0.0)
    right = max((line.x1 for line in bodies), default=0.0)
    first = True
    for line in lines:
        heading = _is_heading(line, body)
        last = blocks[-1] if blocks else None
        if heading:
            # A title wrapped over two lines (`…部门决算情况` / `说明`) is one heading.
            if (
                last is not None
                and last.heading
                and not first
                and line.size >= 1.2 * body
                and last.lines[-1].size >= 1.2 * body
                and line.top - last.lines[-1].bottom < 0.8 * line.height
            ):
                last.lines.append(line)
            else:
                blocks.append(_Block(True, [line], barrier and first))
        elif last is not None and not last.heading and not (barrier and first):
            if _starts(line, last.lines[-1], left, right, first):
                blocks.append(_Block(False, [line]))
            else:
                last.lines.append(line)
        else:
            blocks.append(_Block(False, [line], barrier and first))
        first = False


def _starts(line: _Line, prev: _Line, left: float, right: float, first: bool) -> bool:
    """Whether `line` begins a paragraph after `prev`, the last line of the one before."""
    size = line.height
    text = line.text.strip()
    if line.x0 > left + 0.8 * size:  # a first-line indent
        return True
    if _ITEM_NO.match(text) or _HEADING_NO.match(text):
        return True
    ended = prev.text.rstrip().endswith(_SENTENCE_END)
    if not ended:
        return False  # an unfinished sentence goes on, over a gap or a page break
    short = prev.x1 < right - 3.0 * size
    if first:
        # Over a page break only the line before tells: a full line wrapped at the foot.
        return short
    wide_gap = line.top - prev.bottom > 0.6 * size
    return short or wide_gap


def _level(key: str, stack: list[tuple[int, str]], title: bool) -> int:
    """A heading's level in the outline, from its numbering: `第三部分` 0, `一、` 1, `（一）` 2,
    `1.` / `1、` 3, `（1）` 4. An unnumbered one is a level below the heading it follows (0
    when none), except a `title` (the explanation's, before the part begins): level 0."""
    for level, pattern in enumerate(_LEVELS):
        if pattern.match(key):
            return level
    if title or not stack:
        return 0
    return stack[-1][0] + 1


def _select(blocks: list[_Block]) -> list[Paragraph]:
    """The paragraphs from the first heading of the explanation part to its end, each under
    its nearest heading and the headings that enclose it."""
    out: list[Paragraph] = []
    inside = False
    # The outline above the next paragraph: (level, heading as printed), outermost first. A
    # heading pops every entry of its level or below, then goes on top.
    stack: list[tuple[int, str]] = []
    for k, block in enumerate(blocks):
        if block.barrier and out:
            break  # the standard tables (or the contents) come between: the part has ended
        if block.barrier and not inside:
            stack = []  # headings before the pages left out head no prose of ours
        text = block.text
        if block.heading:
            key = re.sub(r"\s+", "", text)
            if inside and ("名词解释" in key or (_PART.match(key) and "说明" not in key)):
                break
            # The part begins at an explanation heading with prose under it (a heading in the
            # contents has none).
            following = blocks[k + 1] if k + 1 < len(blocks) else None
            prose = following is not None and not following.heading
            # An unnumbered title naming the explanation (`…部门决算情况说明`) before the part
            # has begun heads it, as a `第…部分` heading would.
            title = not inside and "说明" in key and not _HEADING_NO.match(key)
            if not inside and "说明" in key and (prose or _PART.match(key)):
                inside = True
            level = _level(key, stack, title)
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, text))
            continue
        if not inside:
            stack = []  # prose of another part (the 概况 under `第一部分 …`): not our outline
            continue
        first_page = block.lines[0].page
        on_page = [line for line in block.lines if line.page == first_page]
        box = [
            round(min(line.x0 for line in on_page), 2),
            round(min(line.top for line in on_page), 2),
            round(max(line.x1 for line in on_page), 2),
            round(max(line.bottom for line in on_page), 2),
        ]
        out.append(
            Paragraph(
                source=Source(page=first_page, bbox=box),
                parents=[h for _, h in stack[:-1]],
                heading=stack[-1][1] if stack else None,
                text=text,
            )
        )
    return out
