"""A Report drawn onto a copy of the checked PDF: each finding a highlight with a note.

`annotate(pdf, report)` returns the PDF with, for every finding that has a page and a box, a
highlight annotation over that box (red for an error, orange for a warning, blue for info, grey
for a suppressed finding) whose note (`/Contents`) holds `[RULE-ID] 中文 message`, the English
message, the evidence (quote, stated, computed = formula) and the hint; its author (`/T`) is
`yusuan`. A finding whose boxes are on several pages has one highlight on each of them, the box
union as its rectangle and one attachment quad per box. Findings with no page (document-level
ones, or text the reader could not place) are sticky notes in the top-left margin of page 1,
under one summary note of the whole report.

A finding that quotes the text it is about (a sentence of the 情况说明, a cell's words) is
drawn on that text, not on the whole paragraph or row its location names: the quote is looked
up among the page's characters inside the location's box (white space aside, compatibility
forms folded) and each printed line of it gets its own quad. A location that names a whole
project (its heading) keeps its box, and the quote's first occurrence below it on the page is
highlighted too. Where the quote is not found, the box is drawn as it is.

The output is a complete copy written by pdfium (not an incremental update: pdfium would
append every page it opened, doubling the file); the pages' content is not touched, only their
annotation lists grow, and the input is never written to.

Coordinates: a finding's bbox is `[x0, top, x1, bottom]` in points on the page as displayed,
with `top` measured from its top edge — the reader maps pdfium's bottom-up page space to it
(`readers/pdf/space.py`: `height - y`, or a quarter turn for a page with /Rotate). Drawing
maps each corner back to page space (`Space.to_page`); on an unturned page that is left `x0`,
right `x1`, upper `height - top`, lower `height - bottom`.

pdfium (`pypdfium2`) is imported only when a PDF is annotated.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import tempfile
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..audit.finding import Finding, Report
from ..readers.pdf.space import Space
from .places import severity_label, where
from .text import summary_lines

AUTHOR = "yusuan"

#: Highlight colours (RGB) by severity; a suppressed finding is grey.
COLORS: dict[str, tuple[int, int, int]] = {
    "error": (255, 64, 64),
    "warning": (255, 165, 0),
    "info": (64, 150, 255),
    "suppressed": (170, 170, 170),
}
#: Highlight opacity (0-255): viewers multiply a highlight over the text; half opacity keeps
#: the text legible in those that do not.
ALPHA = 128

#: Where the notes of findings with no page sit on page 1: the top-left margin, one under
#: another (PDF points from the top-left corner).
NOTE_LEFT = 6.0
NOTE_TOP = 6.0
NOTE_SIZE = 20.0
NOTE_STEP = 22.0


@dataclass(frozen=True)
class Mark:
    """One highlight to draw: a finding's boxes on one page, top-based like `Location.bbox`."""

    finding: Finding
    page: int
    boxes: tuple[tuple[float, float, float, float], ...]

    @property
    def union(self) -> tuple[float, float, float, float]:
        return (
            min(b[0] for b in self.boxes),
            min(b[1] for b in self.boxes),
            max(b[2] for b in self.boxes),
            max(b[3] for b in self.boxes),
        )


def marks(report: Report, pages: int) -> tuple[list[Mark], list[Finding]]:
    """The highlights to draw (by finding, then page) and the findings with no place to draw
    one (no page, no box, or a page the PDF does not have)."""
    out: list[Mark] = []
    unplaced: list[Finding] = []
    for finding in [*report.findings, *report.suppressed]:
        by_page: dict[int, list[tuple[float, float, float, float]]] = {}
        for loc in finding.locations:
            if loc.page is None or loc.bbox is None or len(loc.bbox) != 4:
                continue
            if not 1 <= loc.page <= pages:
                continue
            box = (loc.bbox[0], loc.bbox[1], loc.bbox[2], loc.bbox[3])
            boxes = by_page.setdefault(loc.page, [])
            if box not in boxes:
                boxes.append(box)
        if not by_page:
            unplaced.append(finding)
            continue
        out.extend(Mark(finding, page, tuple(boxes)) for page, boxes in sorted(by_page.items()))
    return out, unplaced


@dataclass(frozen=True, slots=True)
class _Char:
    """A printed character (compatibility form folded) and its box, top-based."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float


def _page_chars(page: Any, space: Space) -> list[_Char]:
    """The page's printed characters in pdfium's reading order, white space and the line
    breaks pdfium makes up left out."""
    textpage = page.get_textpage()
    try:
        out = []
        text = textpage.get_text_range(0, textpage.count_chars())
        for i, ch in enumerate(text):
            if ch.isspace():
                continue
            folded = unicodedata.normalize("NFKC", ch)
            out.append(_Char(folded, *space.box(*textpage.get_charbox(i))))
        return out
    finally:
        textpage.close()


def _fold(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def narrowed(mark: Mark, chars: list[_Char]) -> Mark:
    """`mark` with each box that holds the finding's quote replaced by the quote's lines."""
    quote = _fold(mark.finding.evidence.quote or "")
    if not quote:
        return mark
    boxes: list[tuple[float, float, float, float]] = []
    for box in mark.boxes:
        x0, top, x1, bottom = box
        inside = [
            c
            for c in chars
            if x0 - _SLACK <= (c.x0 + c.x1) / 2 <= x1 + _SLACK
            and top - _SLACK <= (c.top + c.bottom) / 2 <= bottom + _SLACK
        ]
        lines = _quote_lines(quote, inside)
        if lines is None:
            # The box names what the quote belongs to (a project's heading): the quote is
            # printed below it.
            below = [c for c in chars if c.top >= top - _SLACK]
            lines = [box, *(_quote_lines(quote, below) or [])]
        boxes.extend(b for b in lines if b not in boxes)
    return replace(mark, boxes=tuple(boxes))


#: How far (points) a character's centre may lie outside a location's box and still be in it.
_SLACK = 1.0


def _quote_lines(quote: str, inside: list[_Char]) -> list[tuple[float, float, float, float]] | None:
    """Where `quote` is printed among `inside` (in reading order): a box per printed line."""
    # One folded character may be several (`㎡` -> `m2`): index the joined text per character.
    text = ""
    owner: list[int] = []
    for k, c in enumerate(inside):
        text += c.text
        owner.extend([k] * len(c.text))
    at = text.find(quote)
    if at < 0:
        return None
    found = inside[owner[at] : owner[at + len(quote) - 1] + 1]
    lines: list[list[_Char]] = []
    for c in found:
        mid = (c.top + c.bottom) / 2
        if lines and lines[-1][0].top <= mid <= lines[-1][0].bottom and c.x0 >= lines[-1][-1].x0:
            lines[-1].append(c)
        else:
            lines.append([c])
    return [
        (
            round(min(c.x0 for c in line), 2),
            round(min(c.top for c in line), 2),
            round(max(c.x1 for c in line), 2),
            round(max(c.bottom for c in line), 2),
        )
        for line in lines
    ]


def note_text(finding: Finding, *, other_pages: list[int] | None = None) -> str:
    """The note of a finding: what is wrong in both languages, the evidence and the hint."""
    head = f"[{finding.rule}] {finding.message}"
    if finding.suppressed is not None:
        head = f"[{finding.rule}] （已抑制 suppressed）{finding.message}"
    lines = [head, finding.message_en]
    ev = finding.evidence
    if ev.quote:
        lines.append(f"原文 quote：「{ev.quote}」")
    if ev.stated is not None:
        lines.append(f"所印 stated：{ev.stated}")
    if ev.computed is not None:
        formula = f" = {ev.formula}" if ev.formula else ""
        lines.append(f"计算 computed：{ev.computed}{formula}")
    elif ev.formula:
        lines.append(f"算式 formula：{ev.formula}")
    if finding.hint or finding.hint_en:
        hint = " / ".join(h for h in (finding.hint, finding.hint_en) if h)
        lines.append(f"建议 hint：{hint}")
    if finding.suppressed is not None:
        lines.append(f"抑制理由 reason：{finding.suppressed}")
    place = where(finding)
    if place:
        lines.append(f"位置 at：{place}")
    if other_pages:
        listed = "、".join(str(p) for p in other_pages)
        listed_en = ", ".join(str(p) for p in other_pages)
        lines.append(f"另见第 {listed} 页 / see also page {listed_en}")
    lines.append(f"{severity_label(finding.severity)} · {finding.category}")
    return "\n".join(lines)


def summary_text(report: Report, unplaced: int) -> str:
    zh, en = summary_lines(report)
    doc = report.document
    title = doc.title or doc.file or ""
    lines = [f"yusuan 审核 audit{f'：{title}' if title else ''}", zh, en]
    if unplaced:
        lines.append(
            f"另有 {unplaced} 条发现没有页码，注在本页左上角 / "
            f"{unplaced} finding(s) without a page are notes at the top left of this page"
        )
    return "\n".join(lines)


def annotate(pdf: bytes, report: Report) -> bytes:
    """A copy of `pdf` with `report`'s findings drawn on it (see the module's docstring).

    Raises `pypdfium2.PdfiumError` when pdfium cannot open or save the PDF (the caller has
    already read it, so that means a PDF changed since).
    """
    import io

    import pypdfium2 as pdfium  # type: ignore[import-untyped]
    import pypdfium2.raw as raw  # type: ignore[import-untyped]

    doc = pdfium.PdfDocument(pdf)
    try:
        n = len(doc)
        todo, unplaced = marks(report, n)
        pages_of: dict[int, list[int]] = {}
        for mark in todo:
            pages_of.setdefault(id(mark.finding), []).append(mark.page)
        by_page: dict[int, list[Mark]] = {}
        for mark in todo:
            by_page.setdefault(mark.page, []).append(mark)
        for no in sorted(set(by_page) | {1}):
            page = doc[no - 1]
            try:
                space = Space.of(page)
                chars: list[_Char] | None = None
                for mark in by_page.get(no, []):
                    if mark.finding.evidence.quote:
                        if chars is None:
                            chars = _page_chars(page, space)
                        mark = narrowed(mark, chars)
                    others = [p for p in pages_of[id(mark.finding)] if p != no]
                    _highlight(
                        raw, page.raw, mark, space, note_text(mark.finding, other_pages=others)
                    )
                if no == 1:
                    _note(raw, page.raw, 0, space, summary_text(report, len(unplaced)))
                    for k, finding in enumerate(unplaced, start=1):
                        color = _color(finding)
                        _note(raw, page.raw, k, space, note_text(finding), color)
            finally:
                page.close()
        buffer = io.BytesIO()
        doc.save(buffer)
        return buffer.getvalue()
    finally:
        doc.close()


def write_annotated(pdf: bytes, report: Report, path: str | os.PathLike[str]) -> None:
    """`annotate` into `path`, atomically: a temporary file beside it, renamed over it once
    complete, so a failure never leaves a half-written file (raises OSError)."""
    data = annotate(pdf, report)
    target = Path(path)
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _color(finding: Finding) -> tuple[int, int, int]:
    return COLORS["suppressed" if finding.suppressed is not None else finding.severity]


def _widestring(text: str) -> Any:
    """`text` as pdfium's FPDF_WIDESTRING: UTF-16LE, NUL-terminated."""
    data = (text + "\0").encode("utf-16-le")
    return (ctypes.c_ushort * (len(data) // 2)).from_buffer_copy(data)


def _common(raw: Any, annot: Any, contents: str, color: tuple[int, int, int], alpha: int) -> None:
    raw.FPDFAnnot_SetColor(annot, raw.FPDFANNOT_COLORTYPE_Color, *color, alpha)
    raw.FPDFAnnot_SetFlags(annot, raw.FPDF_ANNOT_FLAG_PRINT)
    raw.FPDFAnnot_SetStringValue(annot, b"Contents", _widestring(contents))
    raw.FPDFAnnot_SetStringValue(annot, b"T", _widestring(AUTHOR))


def _rect(raw: Any, space: Space, box: tuple[float, float, float, float]) -> Any:
    """A displayed box as a page-space rectangle."""
    x0, top, x1, bottom = box
    (xa, ya), (xb, yb) = space.to_page(x0, top), space.to_page(x1, bottom)
    return raw.FS_RECTF(min(xa, xb), max(ya, yb), max(xa, xb), min(ya, yb))


def _highlight(raw: Any, page: Any, mark: Mark, space: Space, contents: str) -> None:
    annot = raw.FPDFPage_CreateAnnot(page, raw.FPDF_ANNOT_HIGHLIGHT)
    if not annot:
        raise RuntimeError(f"pdfium could not add a highlight on page {mark.page}")
    try:
        for x0, top, x1, bottom in mark.boxes:
            # Upper-left, upper-right, lower-left, lower-right as the text is read: the order
            # viewers expect (on a turned page, turned with it).
            corners = [(x0, top), (x1, top), (x0, bottom), (x1, bottom)]
            points = [v for corner in corners for v in space.to_page(*corner)]
            raw.FPDFAnnot_AppendAttachmentPoints(annot, raw.FS_QUADPOINTSF(*points))
        raw.FPDFAnnot_SetRect(annot, _rect(raw, space, mark.union))
        _common(raw, annot, contents, _color(mark.finding), ALPHA)
        raw.FPDFAnnot_SetStringValue(annot, b"Subj", _widestring(mark.finding.rule))
    finally:
        raw.FPDFPage_CloseAnnot(annot)


def _note(
    raw: Any,
    page: Any,
    k: int,
    space: Space,
    contents: str,
    color: tuple[int, int, int] = (255, 220, 0),
) -> None:
    """A sticky note, the `k`-th down the left margin of the page (as displayed) from its
    top."""
    annot = raw.FPDFPage_CreateAnnot(page, raw.FPDF_ANNOT_TEXT)
    if not annot:
        raise RuntimeError("pdfium could not add a note on page 1")
    try:
        rows = max(1, int((space.shown_height - 2 * NOTE_TOP - NOTE_SIZE) // NOTE_STEP) + 1)
        col, row = divmod(k, rows)  # a long list goes on in the next column
        left, top = NOTE_LEFT + col * NOTE_STEP, NOTE_TOP + row * NOTE_STEP
        box = (left, top, left + NOTE_SIZE, top + NOTE_SIZE)
        raw.FPDFAnnot_SetRect(annot, _rect(raw, space, box))
        _common(raw, annot, contents, color, 255)
    finally:
        raw.FPDFPage_CloseAnnot(annot)
