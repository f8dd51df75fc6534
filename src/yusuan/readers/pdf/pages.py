"""What a PDF page holds, through pdfium: text runs and ruling lines, in top-based points on
the page as displayed (its /Rotate applied: `space.py`).

pdfium's page objects are read directly (no per-character calls): a typesetter writes one text
object per line fragment, and a bordered table as one thin path per border segment. That is
all the reader needs, and it keeps a 33-page disclosure well under a second.

Writers draw borders other ways too: every cell a stroked rectangle, a whole grid in one
stroked path, or the borders as thin filled rectangles in one filled path. A path too large to
be one border is therefore taken apart (`_segments`): its straight, level or upright strokes,
and its thin filled rectangles, are the rules.
"""

from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from .space import Space

#: A path thinner than this (points) is a ruling line; anything thicker is a filled shape.
_RULE_THICKNESS = 2.5
#: A ruling line shorter than this is a dot or a tick, not part of a table's grid.
_RULE_MIN_LENGTH = 2.0

_TEXT, _PATH, _IMAGE = 1, 2, 3


@dataclass(slots=True)
class Run:
    """One text object: a line fragment as the typesetter placed it."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    bold: bool
    size: float
    origin: float | None = None
    """Where the pen starts (x): left of `x0` by the first glyph's side bearing."""
    baseline: float | None = None
    """The baseline (top-based y): one for every run of a printed line, whatever its ink
    (`一` or `、` alone is a thin box far from the line's top)."""

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(slots=True)
class Rule:
    """A thin horizontal or vertical path: a table border segment."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return (self.x1 - self.x0) >= (self.bottom - self.top)


@dataclass(slots=True)
class Page:
    no: int
    """1-based page number."""
    width: float
    height: float
    runs: list[Run] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    images: int = 0


def read_page(raw: Any, doc: Any, index: int) -> Page:
    """Page `index` (0-based) of an open pdfium document `doc` (`pypdfium2.PdfDocument`)."""
    page = doc[index]
    try:
        space = Space.of(page)
        out = Page(index + 1, space.shown_width, space.shown_height)
        textpage = page.get_textpage()
        try:
            _collect(raw, page.raw, textpage.raw, out, space)
        finally:
            textpage.close()
    finally:
        page.close()
    return out


def _collect(raw: Any, page: Any, textpage: Any, out: Page, space: Space) -> None:
    # Most pages are not turned: their mapping is inlined (tens of thousands of objects).
    height = space.height
    turned = space.rotation != 0
    left, bottom, right, top = (
        ctypes.c_float(),
        ctypes.c_float(),
        ctypes.c_float(),
        ctypes.c_float(),
    )
    size = ctypes.c_float()
    matrix = raw.FS_MATRIX()
    fonts: dict[int, bool] = {}
    name_buf = ctypes.create_string_buffer(256)
    for i in range(raw.FPDFPage_CountObjects(page)):
        obj = raw.FPDFPage_GetObject(page, i)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == _IMAGE:
            out.images += 1
            continue
        if kind not in (_TEXT, _PATH):
            continue
        if not raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            continue
        if turned:
            x0, y0, x1, y1 = space.box(left.value, bottom.value, right.value, top.value)
        else:
            x0, x1 = left.value, right.value
            y0, y1 = height - top.value, height - bottom.value
        if kind == _PATH:
            rule = Rule(x0, y0, x1, y1)
            if min(x1 - x0, y1 - y0) <= _RULE_THICKNESS:
                if _border(rule):
                    out.rules.append(rule)
            elif raw.FPDFPageObj_GetMatrix(obj, matrix):
                out.rules.extend(_segments(raw, obj, matrix, space))
            continue
        n = raw.FPDFTextObj_GetText(obj, textpage, None, 0)
        if n <= 2:
            continue
        buf = (ctypes.c_ushort * (n // 2))()
        raw.FPDFTextObj_GetText(obj, textpage, buf, n)
        text = bytes(buf)[: n - 2].decode("utf-16-le", "replace")
        if not text.strip():
            continue
        font = raw.FPDFTextObj_GetFont(obj)
        key = ctypes.cast(font, ctypes.c_void_p).value or 0
        bold = fonts.get(key)
        if bold is None:
            length = raw.FPDFFont_GetBaseFontName(font, name_buf, 256)
            name = name_buf.raw[: max(length - 1, 0)].decode("latin-1", "replace")
            weight = raw.FPDFFont_GetWeight(font)
            bold = fonts[key] = "bold" in name.lower() or weight >= 600
        raw.FPDFTextObj_GetFontSize(obj, size)
        points = size.value
        origin = baseline = None
        if raw.FPDFPageObj_GetMatrix(obj, matrix):
            # The type's size on the page: writers that set `1 Tf` and scale the text matrix
            # (`9 0 0 9 x y Tm`) print 9-point type.
            scale = math.hypot(matrix.c, matrix.d)
            if scale > 0:
                points *= scale
            if not turned:
                if matrix.b == 0 and matrix.c == 0:
                    origin = min(matrix.e, x0)
                    baseline = height - matrix.f
            elif _upright(space, matrix):
                pen, baseline = space.point(matrix.e, matrix.f)
                origin = min(pen, x0)
        out.runs.append(Run(text, x0, y0, x1, y1, bold, points, origin, baseline))


def _upright(space: Space, matrix: Any) -> bool:
    """Whether text set with `matrix` reads left to right, unslanted, on the displayed page."""
    ax, at = space.vector(matrix.a, matrix.b)
    bx, _ = space.vector(matrix.c, matrix.d)
    return ax > 0 and abs(at) < 1e-6 and abs(bx) < 1e-6


def _segments(raw: Any, obj: Any, matrix: Any, space: Space) -> list[Rule]:
    """The rules a larger path draws: each straight level or upright stroke of a stroked
    path, each thin axis-aligned rectangle of a filled one (curves and slants are no borders).
    Points are in the path's own space: `matrix` maps them to the page's."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not raw.FPDFPath_GetDrawMode(obj, fill, stroke):
        return []
    x, y = ctypes.c_float(), ctypes.c_float()
    a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
    subpaths: list[list[tuple[float, float]]] = []
    closed: list[bool] = []
    for i in range(raw.FPDFPath_CountSegments(obj)):
        seg = raw.FPDFPath_GetPathSegment(obj, i)
        kind = raw.FPDFPathSegment_GetType(seg)
        raw.FPDFPathSegment_GetPoint(seg, x, y)
        point = space.point(a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        if kind == raw.FPDF_SEGMENT_MOVETO or not subpaths:
            subpaths.append([point])
            closed.append(False)
        elif kind == raw.FPDF_SEGMENT_LINETO:
            subpaths[-1].append(point)
        else:  # a curve: no border; start afresh after it
            subpaths.append([point])
            closed.append(False)
        if raw.FPDFPathSegment_GetClose(seg):
            closed[-1] = True
    out: list[Rule] = []
    for points, shut in zip(subpaths, closed, strict=True):
        if stroke.value:
            ends = [*points, points[0]] if shut else points
            for (x0, y0), (x1, y1) in pairwise(ends):
                rule = Rule(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
                if _border(rule):
                    out.append(rule)
        elif fill.value and len(points) >= 4:
            xs = [p[0] for p in points]
            ys = [p[1] for p in points]
            rule = Rule(min(xs), min(ys), max(xs), max(ys))
            level = all(
                abs(p[0] - q[0]) < 0.01 or abs(p[1] - q[1]) < 0.01
                for p, q in pairwise([*points, points[0]])
            )
            if level and _border(rule):
                out.append(rule)
    return out


def _border(rule: Rule) -> bool:
    """Thin enough to be a border, long enough not to be a dot."""
    w, h = rule.x1 - rule.x0, rule.bottom - rule.top
    return min(w, h) <= _RULE_THICKNESS and max(w, h) >= _RULE_MIN_LENGTH
